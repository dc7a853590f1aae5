package goplscompat

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// goplsTools is the x/tools gopls v0.23.0 pins.
const goplsTools = "v0.47.1-0.20260707181000-a299dadba899"

// TestPassesBuildWithGoplsTools builds a scratch module that imports every
// pass analyzers/suite/suite.go lists, with x/tools replaced by gopls's pinned version. The go command
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
	passes, err := Passes(root)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "main.go"), passesMain(passes))
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	run(t, dir, env, "go", "mod", "tidy")
	run(t, dir, env, "go", "build", "./...")
	out := run(t, dir, env, "go", "list", "-m", "golang.org/x/tools")
	if !strings.Contains(out, goplsTools) {
		t.Errorf("the build did not use gopls's x/tools: go list -m says %q", strings.TrimSpace(out))
	}
}

// passesMain is a main package listing every pass's Analyzer, as a
// gopls build would add them to its analyzer list.
func passesMain(passes []Pass) string {
	var imports, list strings.Builder
	for _, p := range passes {
		fmt.Fprintf(&imports, "\t%s %q\n", p.Ident, p.ImportPath)
		fmt.Fprintf(&list, "%s.Analyzer, ", p.Ident)
	}
	return "package main\n\nimport (\n\t\"golang.org/x/tools/go/analysis\"\n\n" + imports.String() + ")\n\n" +
		"// All is what a gopls build would add to its analyzer list.\n" +
		"var All = []*analysis.Analyzer{" + list.String() + "}\n\nfunc main() { _ = All }\n"
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
