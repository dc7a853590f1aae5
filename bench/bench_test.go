package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ndislint/ndislint/bench/corpus"
)

// shared holds the ndislint binary and the 10k corpus the tests and the
// benchmark share, built once per process.
var shared struct {
	once     sync.Once
	dir      string
	ndislint string
	corpus   string
	manifest corpus.Manifest
	err      error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// setup builds ndislint, generates the 10k corpus and builds it.
func setup(tb testing.TB) (string, string, corpus.Manifest) {
	tb.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "ndislint-bench-test-")
		if shared.err != nil {
			return
		}
		root, err := corpus.RepoRoot()
		if err != nil {
			shared.err = err
			return
		}
		ctx := context.Background()
		shared.ndislint = filepath.Join(shared.dir, "ndislint")
		if shared.err = goCmd(ctx, root, nil, "build", "-o", shared.ndislint, "./cmd/ndislint"); shared.err != nil {
			return
		}
		shared.corpus = filepath.Join(shared.dir, "corpus")
		if shared.manifest, shared.err = corpus.GenerateFrom(root, shared.corpus, 10000); shared.err != nil {
			return
		}
		shared.err = goCmd(ctx, shared.corpus, nil, "build", "./...")
	})
	if shared.err != nil {
		tb.Fatal(shared.err)
	}
	return shared.ndislint, shared.corpus, shared.manifest
}

// TestCorpus10k runs the built ndislint over the generated 10k corpus (which
// setup built with go build ./...) and checks its findings against the
// seeded defects, rule by rule.
func TestCorpus10k(t *testing.T) {
	bin, dir, m := setup(t)
	res, err := measure(context.Background(), invocation{Dir: dir, Argv: []string{bin, "-json", "./..."}})
	if err != nil {
		t.Fatal(err)
	}
	if !tools()["ndislint"].ok(res.Code) {
		t.Fatalf("ndislint -json ./... exited with %d:\n%s", res.Code, res.Stderr)
	}
	counts, errs, err := countFindings(res.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("analysis error: %s", e)
	}
	if c := checkDefects(m.Expected, counts); !c.OK() || c.Expected == 0 {
		t.Errorf("seeded defects: %s", c)
	}
	if res.PeakRSS <= 0 || res.CPU <= 0 {
		t.Errorf("measured CPU %v and peak RSS %d, want both positive", res.CPU, res.PeakRSS)
	}
}

// BenchmarkCorpus10k runs the built ndislint over the 10k corpus and
// reports wall nanoseconds per line and the child's peak RSS.
func BenchmarkCorpus10k(b *testing.B) {
	bin, dir, m := setup(b)
	var wall time.Duration
	var peak int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := measure(context.Background(), invocation{Dir: dir, Argv: []string{bin, "-json", "./..."}})
		if err != nil {
			b.Fatal(err)
		}
		if !tools()["ndislint"].ok(res.Code) {
			b.Fatalf("ndislint exited with %d:\n%s", res.Code, res.Stderr)
		}
		wall += res.Wall
		peak = max(peak, res.PeakRSS)
	}
	b.ReportMetric(float64(wall.Nanoseconds())/float64(b.N)/float64(m.Lines), "ns/line")
	b.ReportMetric(float64(peak), "peak-RSS-bytes")
}

// TestCountFindings reads both shapes of the -json output.
func TestCountFindings(t *testing.T) {
	data := []byte(`{"a": {"irql": [{"posn": "x.go:1:1", "message": "m", "category": "irql-above-max"},
		{"posn": "x.go:2:1", "message": "m", "category": "irql-above-max"}],
		"roles": {"error": "boom"}},
		"b": {"vclifetime": [{"posn": "y.go:1:1", "message": "m", "category": "vc-use-after-close"}]}}`)
	counts, errs, err := countFindings(data)
	if err != nil {
		t.Fatal(err)
	}
	if counts["irql-above-max"] != 2 || counts["vc-use-after-close"] != 1 || len(counts) != 2 {
		t.Errorf("counts = %v", counts)
	}
	if len(errs) != 1 || errs[0] != "a: roles: boom" {
		t.Errorf("errors = %q", errs)
	}
	if _, _, err := countFindings([]byte("not json")); err == nil {
		t.Error("no error for output that is not JSON")
	}
}

// TestCheckDefects compares counts rule by rule, not only in total.
func TestCheckDefects(t *testing.T) {
	want := map[string]int{"a": 1, "b": 2}
	if c := checkDefects(want, map[string]int{"a": 1, "b": 2}); !c.OK() || c.String() != "3/3 ok" {
		t.Errorf("equal counts: %s", c)
	}
	c := checkDefects(want, map[string]int{"a": 2, "b": 1})
	if c.OK() || c.String() != "3/3 MISMATCH (a 1/2, b 2/1)" {
		t.Errorf("swapped counts: %s", c)
	}
	if c := checkDefects(map[string]int{}, map[string]int{"x": 1}); c.OK() {
		t.Errorf("a finding where none is expected: %s", c)
	}
}

// TestParseSizes reads the suffixes and refuses junk.
func TestParseSizes(t *testing.T) {
	got, err := parseSizes("10k,200k,1M,500")
	if err != nil {
		t.Fatal(err)
	}
	want := []int{10000, 200000, 1000000, 500}
	for i, s := range got {
		if s.lines != want[i] {
			t.Errorf("size %d = %d, want %d", i, s.lines, want[i])
		}
	}
	for _, bad := range []string{"", "k", "-3k", "10x"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q): no error", bad)
		}
	}
}

// TestMedian takes each field's median separately.
func TestMedian(t *testing.T) {
	runs := []measurement{{Wall: 3, CPU: 1, PeakRSS: 30}, {Wall: 1, CPU: 3, PeakRSS: 10}, {Wall: 2, CPU: 2, PeakRSS: 50}}
	m := median(runs)
	if m.Wall != 2 || m.CPU != 2 || m.PeakRSS != 30 {
		t.Errorf("median = %+v", m)
	}
}

// TestMeasureExitStatus: a failing command is measured with its status;
// one that cannot start is an error.
func TestMeasureExitStatus(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	m, err := measure(context.Background(), invocation{Argv: []string{sh, "-c", "exit 3"}})
	if err != nil || m.Code != 3 {
		t.Errorf("exit 3: code %d, err %v", m.Code, err)
	}
	if _, err := measure(context.Background(), invocation{Argv: []string{"/nonexistent/tool"}}); err == nil {
		t.Error("no error for a command that cannot start")
	}
}

// TestVetNonceUnique: two go vet runs never share the flag value, even in
// the same round, so no run finds another's vet results cached.
func TestVetNonceUnique(t *testing.T) {
	if a, b := vetNonce(0), vetNonce(0); a == b {
		t.Errorf("vetNonce(0) twice gave %q both times", a)
	}
}
