package typestate

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/analyzers/typestate/internal/engine"
	"github.com/ndislint/ndislint/rules"
)

//go:embed doc.go
var doc string

// Analyzer checks what drivers do with the handles of CoNDIS objects
// against the lifetimes of the catalogue.
var Analyzer = &analysis.Analyzer{
	Name:      rules.PassTypestate,
	Doc:       passdoc.MustExtract(doc, rules.PassTypestate),
	URL:       "https://github.com/ndislint/ndislint/tree/main/analyzers/typestate",
	Requires:  []*analysis.Analyzer{ndisfacts.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(Fact)},
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed {
		return nil, nil // the package does not use the runtime
	}
	pkg := front.SSA()
	eng := engine.New(engine.Config{API: front.API, Pkg: pkg.Pkg, Funcs: pkg.SrcFuncs, Roles: roleFuncs(front, pkg), External: importFacts(pass)})
	exportFacts(pass, eng, pkg)
	rep := &reporter{pass: pass, front: front, rep: front.Reporter(pass, rules.RuleIDs(rules.PassTypestate)), owners: rules.TypestateStateOwners()}
	for _, fn := range pkg.SrcFuncs {
		for _, f := range eng.Check(fn) {
			rep.report(f)
		}
	}
	rep.rep.Finish()
	return nil, nil
}

// roleFuncs returns the roles of the package's functions, from the front
// end's role bindings.
func roleFuncs(front *ndisfacts.Result, pkg *buildssa.SSA) map[*ssa.Function][]*rules.Role {
	lits := map[any]*ssa.Function{}
	for _, f := range pkg.SrcFuncs {
		if f.Syntax() != nil {
			lits[f.Syntax()] = f
		}
	}
	out := map[*ssa.Function][]*rules.Role{}
	for _, b := range front.Roles.Bindings {
		var fn *ssa.Function
		if b.Lit != nil {
			fn = lits[b.Lit]
		} else if b.Fn != nil {
			fn = pkg.Pkg.Prog.FuncValue(b.Fn)
		}
		if fn == nil || hasRole(out[fn], b.Role) {
			continue
		}
		out[fn] = append(out[fn], b.Role)
	}
	return out
}

// hasRole reports whether rs holds r.
func hasRole(rs []*rules.Role, r *rules.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
