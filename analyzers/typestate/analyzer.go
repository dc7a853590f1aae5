package typestate

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

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
	eng := engine.New(engine.Config{API: front.API, Pkg: pkg.Pkg, Funcs: pkg.SrcFuncs, Roles: front.RoleFuncs(), External: importFacts(pass)})
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
