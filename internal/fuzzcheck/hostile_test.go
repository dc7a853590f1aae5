package fuzzcheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// hostile are the packages of the scratch module, by directory: shapes
// that strain the parser, the type checker, the go command and the
// passes, and one normal driver.
func hostile() map[string]string {
	nest := func(open, body, close string, n int) string {
		return strings.Repeat(open, n) + body + strings.Repeat(close, n)
	}
	var closures strings.Builder
	for i := 0; i < 800; i++ {
		closures.WriteString("f := func() {\n")
	}
	closures.WriteString("x++\n")
	for i := 0; i < 800; i++ {
		closures.WriteString("}\n_ = f\n")
	}
	return map[string]string{
		"nested/nested.go":     "package nested\n\nfunc F(x int) int {\n" + nest("if x > 0 {\n", "x++\n", "}\n", 800) + "return x\n}\n",
		"deep/deep.go":         "package deep\n\nvar X = " + nest("(", "1", ")", 100001) + "\n",
		"long/long.go":         "package long\n\nfunc F(x int) int {\n" + strings.Repeat("x++\n", 50000) + "return x\n}\n",
		"closures/closures.go": "package closures\n\nfunc F(x int) {\n" + closures.String() + "}\n",
		"nulbyte/nulbyte.go":   "package nulbyte\n\nvar S = \"a\x00b\"\n",
		"cyca/a.go":            "package cyca\n\nimport _ \"example.com/hostile/cycb\"\n",
		"cycb/b.go":            "package cycb\n\nimport _ \"example.com/hostile/cyca\"\n",
		"clause/a.go":          "package clause\n\nvar A = 1\n",
		"clause/b.go":          "package other\n\nvar B = 2\n",
		"normal/normal.go": `package normal

import "github.com/ndislint/ndislint/ndis"

//ndis:role PROTOCOL_CL_CALL_CONNECTED
func sleepyClCallConnected(protocolVcContext ndis.Handle) {
	ndis.MSleep(1000)
}
`,
	}
}

// TestHostile runs the ndislint command over a module of hostile packages
// and one normal package: each hostile package gives at most a line or two
// naming it (none if it is valid Go), the run exits 1, nothing panics, and
// the normal package's finding is still printed.
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs the go command over a scratch module")
	}
	bin := buildCommand(t)
	dir := scratchModule(t, hostile())
	cmd := exec.Command(bin, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	text := string(out)
	t.Logf("output:\n%s", text)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	for _, bad := range []string{"panic", "goroutine ", "-: package", "package ;"} {
		if strings.Contains(text, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	if !strings.Contains(text, "normal.go:7:2: ") || !strings.Contains(text, "irql-above-max") {
		t.Errorf("the normal package's finding is missing")
	}
	wantLines(t, text, map[string][2]int{
		"nested": {0, 0}, "long": {0, 0}, "closures": {0, 0},
		"deep": {1, 1}, "nulbyte": {1, 2}, "cyc": {1, 2}, "clause": {1, 2},
	})
}

// wantLines checks, for each package directory, that the number of
// output lines naming it is within its bounds.
func wantLines(t *testing.T, text string, bounds map[string][2]int) {
	t.Helper()
	for pkg, b := range bounds {
		n := 0
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, "/"+pkg) {
				n++
			}
		}
		if n < b[0] || n > b[1] {
			t.Errorf("%s: %d lines, want %d to %d", pkg, n, b[0], b[1])
		}
	}
}

// buildCommand builds ./cmd/ndislint into a temporary directory.
func buildCommand(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ndislint")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/ndislint")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the command: %v\n%s", err, out)
	}
	return bin
}

// scratchModule writes a module requiring ndislint (replaced by this
// checkout, with its go.sum) with the given files.
func scratchModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files["go.mod"] = "module example.com/hostile\n\ngo 1.26.0\n\nrequire github.com/ndislint/ndislint v0.0.0\n\nreplace github.com/ndislint/ndislint => " + root + "\n"
	files["go.sum"] = string(sum)
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
