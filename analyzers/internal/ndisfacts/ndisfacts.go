// Package ndisfacts is the front end every ndislint pass shares. Its
// Analyzer computes, once per package, what the passes need and lists in
// their Requires: whether the package is analysed at all, the runtime API
// bound to the catalogue, the parsed directives, the //ndislint:ignore
// suppressions, every function's role bindings, and (built on first use)
// the package's SSA form.
//
// # Which packages are analysed
//
// A package is analysed when it imports the runtime (ndis or wdm), or
// carries an //ndis: directive (a helper that states an IRQL contract and
// imports neither), or imports a package that is analysed (its helpers may
// be what a callback calls: their facts matter). That last condition travels
// as a package fact, so it holds through any number of packages. The
// runtime's own packages (ndis, wdm, the simulator under internal/, rules)
// are not analysed: the catalogue speaks for them. A package that is not
// analysed costs a look at its imports and its comments: no SSA, no walk of
// its syntax, no fact but none.
package ndisfacts

import (
	"flag"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"sync"

	"github.com/pkg/errors"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/rules"
)

// Analyzer is the shared front end. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "ndisfacts",
	Doc:        "ndislint's shared front end: decides whether a package is analysed and binds it to the NDIS catalogue",
	URL:        "https://github.com/ndislint/ndislint/tree/main/analyzers/internal/ndisfacts",
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{new(Analysed)},
	Flags:      flags(),
}

// catalogueFile is the -catalogue flag: a catalogue JSON to use instead of
// the embedded one. The command does not expose it (the front end is not a
// top-level analyzer); tests set it to prove that the passes follow the
// catalogue.
var catalogueFile string

// flags returns the Analyzer's flags (a function, so that no init function
// registers them).
func flags() flag.FlagSet {
	var fs flag.FlagSet
	fs.StringVar(&catalogueFile, "catalogue", "", "use this catalogue JSON instead of the embedded one")
	return fs
}

// Analysed is the package fact of a package that is analysed (or is the
// runtime): packages that import it are analysed too.
type Analysed struct {
	// Why says what made the package matter.
	Why string
}

// AFact marks Analysed as an analysis fact.
func (*Analysed) AFact() {}

// String prints the fact for analysistest's fact expectations.
func (f *Analysed) String() string { return "analysed(" + f.Why + ")" }

// Result is what the front end gives every pass.
type Result struct {
	// Analysed is false for a package the passes must leave alone; the
	// other fields are then empty.
	Analysed bool
	// Why says what made the package analysed ("imports ndis", "has
	// //ndis: directives", "imports example.com/drv/helpers").
	Why string
	// API is the runtime as the package sees it, bound to the catalogue.
	API *ndisapi.API
	// Roles are the role bindings of the package's functions.
	Roles *rolebind.Result
	// Directives are each file's ndislint directives, in source order.
	Directives map[*ast.File][]directive.Directive
	// Malformed are the directive comments that cannot be read.
	Malformed []directive.Malformed
	// HasDirectives is true when a file has an //ndis: or //ndislint:
	// directive, well-formed or not (a comment that only looks like one,
	// "// ndis:role", does not count): the directives pass checks such a
	// package even when it is not analysed.
	HasDirectives bool
	// Ignores are the //ndislint:ignore directives.
	Ignores []suppress.Ignore

	pass      *analysis.Pass
	ssaOnce   sync.Once
	ssaValue  *buildssa.SSA
	callsOnce sync.Once
	calls     map[token.Pos]*ast.CallExpr
}

// CallAt returns the call expression whose opening parenthesis is at pos
// (where SSA positions a call), or nil: passes report on the whole call.
func (r *Result) CallAt(pos token.Pos) *ast.CallExpr {
	r.callsOnce.Do(func() {
		r.calls = map[token.Pos]*ast.CallExpr{}
		for _, f := range r.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					r.calls[call.Lparen] = call
				}
				return true
			})
		}
	})
	return r.calls[pos]
}

// Reporter returns a reporter for a pass whose rules are own, honouring
// the package's suppressions.
func (r *Result) Reporter(pass *analysis.Pass, own []string) *suppress.Reporter {
	return suppress.New(pass, own, r.Ignores)
}

// FuncDirectives returns the directives in the doc comment of decl, a
// declaration of file.
func (r *Result) FuncDirectives(file *ast.File, decl *ast.FuncDecl) []directive.Directive {
	return directive.ForFunc(r.Directives[file], decl)
}

// SSA returns the package in SSA form, built on the first call (the
// passes share one build). Only analysed packages have one. Its SrcFuncs
// are the package's functions in source order, each followed by its
// function literals, depth first.
func (r *Result) SSA() *buildssa.SSA {
	if !r.Analysed {
		return nil
	}
	r.ssaOnce.Do(func() { r.ssaValue = buildSSA(r.pass) })
	return r.ssaValue
}

// Of returns the front end's result in pass, whose analyzer lists Analyzer
// in its Requires.
func Of(pass *analysis.Pass) *Result {
	return pass.ResultOf[Analyzer].(*Result)
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{pass: pass, Directives: map[*ast.File][]directive.Directive{}}
	hasNdis := false
	for _, f := range pass.Files {
		ds, bad := directive.Parse(f)
		if len(ds) > 0 {
			res.Directives[f] = ds
		}
		res.Malformed = append(res.Malformed, bad...)
		for _, d := range ds {
			hasNdis = hasNdis || d.Tool == directive.ToolNdis
			res.Ignores = append(res.Ignores, suppress.Ignores(pass.Fset, []directive.Directive{d})...)
		}
	}
	for _, m := range res.Malformed {
		res.HasDirectives = res.HasDirectives || !m.Spaced
	}
	res.HasDirectives = res.HasDirectives || len(res.Directives) > 0
	why := analysed(pass, hasNdis)
	if why == "" {
		return res, nil
	}
	pass.ExportPackageFact(&Analysed{Why: why})
	if ndisapi.IsRuntime(pass.Pkg.Path()) {
		return res, nil // the catalogue speaks for the runtime
	}
	cat, err := catalogue()
	if err != nil {
		return nil, err
	}
	res.Analysed, res.Why = true, why
	res.API = ndisapi.New(pass.Pkg, cat)
	res.Roles = rolebind.Find(pass, res.API, res.Directives)
	return res, nil
}

// analysed says why the package is analysed, or "" when it is not.
func analysed(pass *analysis.Pass, hasNdis bool) string {
	if ndisapi.IsRuntime(pass.Pkg.Path()) {
		return "the runtime"
	}
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == ndisapi.NdisPath || imp.Path() == ndisapi.WdmPath {
			return "imports " + imp.Name()
		}
	}
	if hasNdis {
		return "has //ndis: directives"
	}
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(Analysed)) {
			return "imports " + imp.Path()
		}
	}
	return ""
}

var (
	catMu    sync.Mutex
	catCache = map[string]*rules.Catalogue{}
)

// catalogue returns the catalogue the -catalogue flag names, or the
// embedded one, loaded once per file.
func catalogue() (*rules.Catalogue, error) {
	if catalogueFile == "" {
		return rules.Default()
	}
	catMu.Lock()
	defer catMu.Unlock()
	if c := catCache[catalogueFile]; c != nil {
		return c, nil
	}
	data, err := os.ReadFile(catalogueFile)
	if err != nil {
		return nil, errors.Wrap(err, "ndisfacts: -catalogue")
	}
	c, err := rules.Load(data)
	if err != nil {
		return nil, errors.Wrapf(err, "ndisfacts: -catalogue %s", catalogueFile)
	}
	catCache[catalogueFile] = c
	return c, nil
}

// funcObj returns the function a declaration declares.
func funcObj(info *types.Info, decl *ast.FuncDecl) *types.Func {
	fn, _ := info.Defs[decl.Name].(*types.Func)
	return fn
}
