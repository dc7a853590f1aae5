package irql_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/irql"
)

func TestIrql(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), irql.Analyzer,
		"example.com/t/done", "example.com/t/direct", "example.com/t/locks", "example.com/t/raise", "example.com/t/contracts",
		"example.com/t/helperpkg", "example.com/t/crosspkg", "example.com/t/nondriver", "example.com/t/contractonly", "example.com/t/contractuser", "example.com/t/suppressed", "example.com/t/odd", "example.com/t/multifile", "example.com/t/when", "example.com/t/sal", "example.com/t/flowgaps", "example.com/t/chain", "example.com/t/dispatchflag", "example.com/t/misc", "example.com/t/synch")
}
