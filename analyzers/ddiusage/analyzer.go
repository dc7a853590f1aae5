package ddiusage

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/analyzers/internal/statuses"
	"github.com/ndislint/ndislint/rules"
)

//go:embed doc.go
var doc string

// Analyzer checks DDI contexts, argument bounds, dispatch-level flags and
// init/halt resource pairs.
var Analyzer = &analysis.Analyzer{
	Name:      rules.PassDDIUsage,
	Doc:       passdoc.MustExtract(doc, rules.PassDDIUsage),
	URL:       "https://github.com/ndislint/ndislint/tree/main/analyzers/ddiusage",
	Requires:  []*analysis.Analyzer{ndisfacts.Analyzer, statuses.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(Fact)},
}

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed || front.API.Ndis == nil && front.API.Wdm == nil {
		return nil, nil // the package does not use the runtime
	}
	c := newChecker(pass, front)
	c.exportFacts()
	c.checkLimits()
	c.checkHandlers()
	c.checkNullContexts()
	c.checkPairs()
	c.checkFailureReleases()
	c.checkCompanions()
	c.checkReleased()
	c.checkOrders()
	c.rep.Finish()
	return nil, nil
}
