package completion_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/completion"
)

func TestCompletion(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), completion.Analyzer,
		"example.com/t/makecall", "example.com/t/incoming", "example.com/t/incominghold", "example.com/t/incomingopaque",
		"example.com/t/never", "example.com/t/nevertwin", "example.com/t/completers", "example.com/t/oid", "example.com/t/mcmwork", "example.com/t/shapes", "example.com/t/cmhelpers", "example.com/t/crosspkg", "example.com/t/pendguard", "example.com/t/foreign", "example.com/t/oidtable", "example.com/t/ndis6")
}
