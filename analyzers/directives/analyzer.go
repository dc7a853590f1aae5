package directives

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/ndisfacts"
	"github.com/ndislint/ndislint/analyzers/internal/passdoc"
	"github.com/ndislint/ndislint/rules"
)

// Analyzer checks the shape of ndislint's directive comments.
var Analyzer = &analysis.Analyzer{
	Name:     rules.PassDirectives,
	Doc:      passdoc.MustExtract(doc, rules.PassDirectives),
	URL:      "https://github.com/ndislint/ndislint/tree/main/analyzers/directives",
	Run:      run,
	Requires: []*analysis.Analyzer{ndisfacts.Analyzer},
}

// doc is this package's doc.go, whose package comment holds the pass's
// documentation.
//
//go:embed doc.go
var doc string

func run(pass *analysis.Pass) (any, error) {
	front := ndisfacts.Of(pass)
	if !front.Analysed && !front.HasDirectives {
		return nil, nil // no runtime, no directive: nothing to check
	}
	rep := front.Reporter(pass, rules.RuleIDs(rules.PassDirectives))
	for _, m := range front.Malformed {
		rep.Reportf(rules.RuleDirectiveMalformed, m.Pos, m.End, nil, "%s", m.Msg)
	}
	for _, f := range pass.Files {
		for _, d := range front.Directives[f] {
			if d.Key() == directive.KeyIgnore {
				checkIgnore(rep, d)
			}
		}
	}
	rep.Finish()
	return nil, nil
}
