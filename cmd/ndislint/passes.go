package main

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/suite"
)

// passes returns ndislint's own analyzers (analyzers/suite lists them).
func passes() []*analysis.Analyzer { return suite.Passes() }
