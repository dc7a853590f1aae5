package vclifetime

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
)

// Analyzer checks the lifetime of CoNDIS VC handles (work in progress: the
// checks land in the files of this package one rule at a time).
var Analyzer = &analysis.Analyzer{
	Name:     "vclifetime",
	Doc:      doc,
	URL:      "https://github.com/ndislint/ndislint/tree/main/analyzers/vclifetime",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run:      run,
}

const doc = `check the lifetime of CoNDIS VC handles

After ProtocolClCloseCallComplete on a VC the call manager created, the
client must make no further NdisCl*/NdisCo* call with its NdisVcHandle and
must not delete it; a VC the client created may be deleted or reused only
after a successful close.`

func run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
