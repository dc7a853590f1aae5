package driver

import (
	"runtime"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// noop requires only inspect and does nothing: the baseline of issue 10,
// a no-op checker.
var noop = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "does nothing",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

// BenchmarkStd runs the driver over the standard library (which does not
// use the runtime: every package is a root, type-checked, and left alone
// by the passes) with ndislint's passes and with the no-op analyzer. The
// passes should cost little more than the no-op: no SSA, no walks. It
// reports the peak heap in use sampled during the run. Compare the two
// with benchstat:
//
//	go test -run XXX -bench Std -count 6 ./internal/driver | tee std.txt
func BenchmarkStd(b *testing.B) {
	for _, c := range []struct {
		name      string
		analyzers []*analysis.Analyzer
	}{{"passes", passes()}, {"noop", []*analysis.Analyzer{noop}}} {
		b.Run(c.name, func(b *testing.B) {
			peak := uint64(0)
			for b.Loop() {
				stop := samplePeak(&peak)
				out, err := Run(&Config{Analyzers: c.analyzers}, []string{"std"})
				stop()
				if err != nil {
					b.Fatal(err)
				}
				if len(out.Diagnostics) > 0 {
					b.Fatalf("%d findings in the standard library", len(out.Diagnostics))
				}
			}
			b.ReportMetric(float64(peak), "peak-heap-bytes")
		})
	}
}

// samplePeak records the largest heap in use into peak every 10ms until
// stop is called.
func samplePeak(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			*peak = max(*peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
