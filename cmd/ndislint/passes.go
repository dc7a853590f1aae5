package main

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/completion"
	"github.com/ndislint/ndislint/analyzers/directives"
	"github.com/ndislint/ndislint/analyzers/irql"
	"github.com/ndislint/ndislint/analyzers/roles"
	"github.com/ndislint/ndislint/analyzers/typestate"
	"github.com/ndislint/ndislint/analyzers/vclifetime"
)

// passes returns ndislint's own analyzers. Add a new pass here (the gopls
// build, editors/buildgopls, and internal/nogocheck read this list) and its
// rules to a rules/registry_<pass>.go table listed in rules.passTables.
func passes() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		directives.Analyzer,
		roles.Analyzer,
		irql.Analyzer,
		vclifetime.Analyzer,
		completion.Analyzer,
		typestate.Analyzer,
	}
}
