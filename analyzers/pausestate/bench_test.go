package pausestate_test

import (
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/benchkit"
	"github.com/ndislint/ndislint/analyzers/pausestate"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no test asserts timings.
func BenchmarkExamples(b *testing.B) {
	benchkit.Run(b, pausestate.Analyzer, benchkit.Load(b, "../..", "./examples/..."))
}
