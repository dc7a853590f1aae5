package roles

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/rules"
)

// passName is the analyzer's name, also the Pass of its rules in package rules.
const passName = rules.PassRoles

//go:embed doc.go
var doc string

// Analyzer checks callback roles; its documentation is the package's.
var Analyzer = &analysis.Analyzer{
	Name:      passName,
	Doc:       passdoc.MustExtract(doc, passName),
	URL:       "https://github.com/ndislint/ndislint/tree/main/analyzers/roles",
	Requires:  []*analysis.Analyzer{ndisfacts.Analyzer, statuses.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(rolebind.Fact)},
}

// checker holds one run's state.
type checker struct {
	pass  *analysis.Pass
	api   *ndisapi.API
	front *ndisfacts.Result
	ssa   *buildssa.SSA
	roles *rolebind.Result
	sts   *statuses.Result
	rep   *suppress.Reporter
	funcs []*funcInfo                   // functions with a role, in source order
	dsts  map[ast.Decl]*decorated       // declarations decorated for fixes
	files []*ast.File                   // the package's files by position, on first use
	srcs  map[string][]byte             // source files read for fixes
	decls map[*types.Func]*ast.FuncDecl // the package's function declarations
	names map[string]bool               // names taken by generated handlers in this run
	// nextName is, per base name, the number of the last generated
	// handler name found free (1 for the base itself).
	nextName map[string]int
	vars     map[*types.Var]*varUses        // handler structure variables, indexed on first use
	lits     map[*ast.FuncLit]*ssa.Function // function literals' SSA functions, indexed on first use
	// kinds are the kinds of driver whose slots the package fills, and
	// shared the roles sharing each slot role's signature (sharing), both
	// computed on first use.
	kinds  map[rules.DriverKind]bool
	shared map[*rules.Role][]*rules.Role
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed || front.API.Ndis == nil {
		return nil, nil // the package does not use the runtime's roles
	}
	api := front.API
	c := &checker{
		pass:  pass,
		api:   api,
		front: front,
		ssa:   front.SSA(),
		roles: front.Roles,
		rep:   front.Reporter(pass, rules.RuleIDs(passName)),
		names: map[string]bool{},
	}
	c.sts = statuses.Of(pass)
	c.indexDecls()
	c.collect()
	rolebind.ExportFacts(pass, c.roles)

	c.checkDirectives()
	c.checkRoles()
	c.checkPrototypes()
	c.checkStatuses()
	c.checkOptional()
	c.checkMandatory()
	c.rep.Finish()
	return nil, nil
}

// indexDecls maps the package's functions and methods to their declarations.
func (c *checker) indexDecls() {
	c.decls = map[*types.Func]*ast.FuncDecl{}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
	}
}

// ssaFunc returns the SSA function of a function info, or nil when it has
// no body in this package.
func (c *checker) ssaFunc(fi *funcInfo) *ssa.Function {
	if fi.lit != nil {
		if c.lits == nil {
			c.indexLits()
		}
		return c.lits[fi.lit]
	}
	if fi.fn == nil || fi.fn.Pkg() != c.pass.Pkg {
		return nil
	}
	f := c.ssa.Pkg.Prog.FuncValue(fi.fn)
	if f == nil || f.Blocks == nil {
		return nil
	}
	return f
}

// indexLits maps the package's function literals to their SSA functions:
// those of its functions, then those of the package-level initialisers,
// which belong to the synthetic init function that SrcFuncs leaves out.
func (c *checker) indexLits() {
	c.lits = map[*ast.FuncLit]*ssa.Function{}
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		if lit, ok := f.Syntax().(*ast.FuncLit); ok {
			if _, seen := c.lits[lit]; !seen {
				c.lits[lit] = f
			}
		}
		for _, a := range f.AnonFuncs {
			add(a)
		}
	}
	for _, f := range c.ssa.SrcFuncs {
		add(f)
	}
	if init := c.ssa.Pkg.Func("init"); init != nil {
		add(init)
	}
}
