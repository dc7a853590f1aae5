package goplscompat

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// goplsTools is the x/tools gopls v0.23.0 pins.
const goplsTools = "v0.47.1-0.20260707181000-a299dadba899"

// TestPassesBuildWithGoplsTools builds a scratch module that imports every
// pass, with x/tools replaced by gopls's pinned version. The go command
// fetches that version through the module proxy.
func TestPassesBuildWithGoplsTools(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gomod := "module example.com/goplscompat\n\ngo 1.26\n\n" +
		"require github.com/ndislint/ndislint v0.0.0\n\n" +
		"replace github.com/ndislint/ndislint => " + root + "\n\n" +
		"replace golang.org/x/tools => golang.org/x/tools " + goplsTools + "\n"
	write(t, filepath.Join(dir, "go.mod"), gomod)
	write(t, filepath.Join(dir, "main.go"), `package main

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/completion"
	"github.com/ndislint/ndislint/analyzers/directives"
	"github.com/ndislint/ndislint/analyzers/irql"
	"github.com/ndislint/ndislint/analyzers/roles"
	"github.com/ndislint/ndislint/analyzers/typestate"
	"github.com/ndislint/ndislint/analyzers/vclifetime"
)

// All is what a gopls build would add to its analyzer list.
var All = []*analysis.Analyzer{directives.Analyzer, irql.Analyzer, roles.Analyzer, vclifetime.Analyzer, completion.Analyzer, typestate.Analyzer}

func main() { _ = All }
`)
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	run(t, dir, env, "go", "mod", "tidy")
	run(t, dir, env, "go", "build", "./...")
	out := run(t, dir, env, "go", "list", "-m", "golang.org/x/tools")
	if !strings.Contains(out, goplsTools) {
		t.Errorf("the build did not use gopls's x/tools: go list -m says %q", strings.TrimSpace(out))
	}
}

func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
