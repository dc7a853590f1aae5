package irql

import (
	"cmp"
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisapi"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/analyzers/internal/suppress"
	"github.com/ndislint/ndislint/analyzers/irql/internal/irqlsum"
	"github.com/ndislint/ndislint/rules"
)

// passName is the analyzer's name, also the Pass of its rules in package rules.
const passName = rules.PassIrql

// doc is this package's doc.go, whose package comment holds the pass's
// documentation.
//
//go:embed doc.go
var doc string

// Analyzer checks IRQL requirements and spin-lock discipline.
var Analyzer = &analysis.Analyzer{
	Name:      passName,
	Doc:       passdoc.MustExtract(doc, passName),
	URL:       "https://github.com/ndislint/ndislint/tree/main/analyzers/irql",
	Requires:  []*analysis.Analyzer{ndisfacts.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(irqlsum.Fact)},
}

// checker holds one run's state.
type checker struct {
	pass     *analysis.Pass
	api      *ndisapi.API
	front    *ndisfacts.Result
	ssa      *buildssa.SSA
	irqlType types.Type
	// irqlName spells wdm.Irql as the catalogue's goType does ("" when wdm
	// is not in sight).
	irqlName string
	entries  map[*ssa.Function]*entryInfo
	memo     map[*ssa.Function]*result
	// callees memoises what each callee is (calleeOf).
	callees  map[*ssa.Function]*calleeInfo
	busy     map[*ssa.Function]bool
	rep      *suppress.Reporter
	findings []finding
	// files are the package's files by position, lits the SSA functions
	// of its function literals, both on first use.
	files []*ast.File
	lits  map[*ast.FuncLit]*ssa.Function
	// ofsBy lists, by DDI name, the value-dependent bounds' ArgOfs that
	// look back to calls of that DDI (ofs).
	ofsBy map[string][]*rules.ArgOf
}

// finding is a diagnostic waiting to be reported.
type finding struct {
	rule     string
	pos, end token.Pos
	msg      string
	related  []analysis.RelatedInformation
}

// result is what the analysis of one function gives.
type result struct {
	sum      irqlsum.Summary
	findings []finding
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed {
		return nil, nil // not a driver, or the runtime itself (the catalogue speaks for it)
	}
	api := front.API
	c := &checker{
		pass:    pass,
		api:     api,
		front:   front,
		ssa:     front.SSA(),
		entries: map[*ssa.Function]*entryInfo{},
		memo:    map[*ssa.Function]*result{},
		callees: map[*ssa.Function]*calleeInfo{},
		busy:    map[*ssa.Function]bool{},
		rep:     front.Reporter(pass, rules.RuleIDs(passName)),
	}
	if api.Wdm != nil {
		if tn, ok := api.Wdm.Scope().Lookup("Irql").(*types.TypeName); ok {
			c.irqlType = tn.Type()
			c.irqlName = types.TypeString(c.irqlType, func(p *types.Package) string { return p.Name() })
		}
	}
	c.readDirectives()
	c.readRoles()
	for _, fn := range c.ssa.SrcFuncs {
		r := c.analyze(fn)
		c.findings = append(c.findings, r.findings...)
	}
	c.checkForeignBindings()
	c.export()
	c.report()
	return nil, nil
}

// export exports the summaries of the package's exported functions and
// methods that say something, so that callers in other packages are
// checked.
func (c *checker) export() {
	for _, fn := range c.ssa.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != c.pass.Pkg || !obj.Exported() {
			continue // only exported functions and methods are called from other packages
		}
		r := c.analyze(fn)
		if r.sum.Trivial() {
			continue
		}
		c.pass.ExportObjectFact(obj, &irqlsum.Fact{Summary: irqlsum.Strip(r.sum)})
	}
}

// report sends the findings through the suppression filter, once each. The
// reporter puts them in order (file name, line, column, rule, message) at
// Finish; the findings come in an order that depends only on the source
// (files, declarations, SSA instructions, functions sorted by name), so
// that of two findings with the same position, rule and message the same
// one is kept on every run.
func (c *checker) report() {
	seen := map[string]bool{}
	for _, f := range c.findings {
		key := c.pass.Fset.Position(f.pos).String() + " " + f.rule + " " + f.msg
		if seen[key] {
			continue
		}
		seen[key] = true
		c.rep.Reportf(f.rule, f.pos, f.end, f.related, "%s", f.msg)
	}
	c.rep.Finish()
}

// callAt returns the call expression whose opening parenthesis is at pos
// (SSA positions calls there), or nil.
func (c *checker) callAt(pos token.Pos) *ast.CallExpr { return c.front.CallAt(pos) }

// span returns the range to report for a call at pos: the whole call
// expression when it is known.
func (c *checker) span(pos token.Pos) (token.Pos, token.Pos) {
	if call := c.callAt(pos); call != nil {
		return call.Pos(), call.End()
	}
	return pos, pos
}

// local reports whether pos is in the package being analysed.
func (c *checker) local(pos token.Pos) bool {
	if c.files == nil {
		c.files = slices.Clone(c.pass.Files)
		slices.SortFunc(c.files, func(a, b *ast.File) int { return cmp.Compare(a.FileStart, b.FileStart) })
	}
	i := sort.Search(len(c.files), func(i int) bool { return c.files[i].FileEnd >= pos })
	return i < len(c.files) && c.files[i].FileStart <= pos
}

// where formats a position as file:line:col.
func (c *checker) where(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return c.pass.Fset.Position(pos).String()
}

// line formats a position's line for messages ("line 12", or
// "file.go:12" in another file).
func (c *checker) line(at, from token.Pos) string {
	p := c.pass.Fset.Position(at)
	q := c.pass.Fset.Position(from)
	if p.Filename == q.Filename {
		return "line " + itoa(p.Line)
	}
	return shortFile(p.Filename) + ":" + itoa(p.Line)
}
