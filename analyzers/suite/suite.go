// Package suite lists ndislint's passes: the one list every driver runs
// (the command, standalone and under go vet; the golangci-lint plugin; the
// gopls build, which reads this file; the tests that compare drivers).
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/completion"
	"github.com/ndislint/ndislint/analyzers/ddiusage"
	"github.com/ndislint/ndislint/analyzers/directives"
	"github.com/ndislint/ndislint/analyzers/irql"
	"github.com/ndislint/ndislint/analyzers/nblown"
	"github.com/ndislint/ndislint/analyzers/pausestate"
	"github.com/ndislint/ndislint/analyzers/roles"
	"github.com/ndislint/ndislint/analyzers/typestate"
	"github.com/ndislint/ndislint/analyzers/vclifetime"
)

// Passes returns ndislint's analyzers, in the order help lists them. Add a
// new pass here and its rules to a rules/registry_<pass>.go table listed in
// rules.passTables.
func Passes() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		directives.Analyzer,
		roles.Analyzer,
		irql.Analyzer,
		vclifetime.Analyzer,
		completion.Analyzer,
		typestate.Analyzer,
		nblown.Analyzer,
		pausestate.Analyzer,
		ddiusage.Analyzer,
	}
}
