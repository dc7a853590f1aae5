package vclifetime_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/vclifetime"
)

func TestVCLifetime(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), vclifetime.Analyzer,
		"example.com/t/seed", "example.com/t/seedtwin", "example.com/t/closecomplete",
		"example.com/t/shapes", "example.com/t/sequences", "example.com/t/crosspkg",
		"example.com/t/nondriver", "example.com/t/kinds", "example.com/t/shared", "example.com/t/indirect", "example.com/t/loops", "example.com/t/realwan", "example.com/t/realatm", "example.com/t/realanswer", "example.com/t/later", "example.com/t/helperpkg", "example.com/t/odd", "example.com/t/methods", "example.com/t/mixed")
}
