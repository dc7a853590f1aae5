package nblown_test

import (
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/benchkit"
	"github.com/ndislint/ndislint/analyzers/nblown"
)

// BenchmarkExamples runs the pass over the bundled examples (the drivers and
// the runtime they import). Measure with go test -bench and compare with
// benchstat; no test asserts timings.
func BenchmarkExamples(b *testing.B) {
	benchkit.Run(b, nblown.Analyzer, benchkit.Load(b, "../..", "./examples/..."))
}
