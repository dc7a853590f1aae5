package nogocheck

import (
	"encoding/json"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/internal/goplscompat"
	"github.com/ndislint/ndislint/rules"
)

func root(t *testing.T) string {
	t.Helper()
	r, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// analyzerPackages returns the analyzer packages found by parsing and the
// passes analyzers/suite/suite.go lists, after checking that they agree.
func analyzerPackages(t *testing.T, root string) (found, passes []string) {
	t.Helper()
	found, err := AnalyzerPackages(root, goplscompat.Module)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := goplscompat.Passes(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		passes = append(passes, p.ImportPath)
		if !slices.Contains(found, p.ImportPath) {
			t.Errorf("%s lists %s, which declares no Analyzer under analyzers/", goplscompat.PassesFile, p.ImportPath)
		}
	}
	return found, passes
}

// TestAnalyzerPackagesArePasses checks that every analyzer package under
// analyzers/ is a pass of cmd/ndislint or something it runs otherwise.
func TestAnalyzerPackagesArePasses(t *testing.T) {
	root := root(t)
	found, passes := analyzerPackages(t, root)
	deps := strings.Fields(goList(t, root, "-deps", "-f", "{{.ImportPath}}", "./cmd/ndislint"))
	for _, p := range found {
		if !slices.Contains(passes, p) && !slices.Contains(deps, p) {
			t.Errorf("%s exports an Analyzer that cmd/ndislint never runs: add it to %s", p, goplscompat.PassesFile)
		}
	}
}

// TestNogoMain builds and runs a program of the shape nogo generates over
// every analyzer package, and checks their names.
func TestNogoMain(t *testing.T) {
	root := root(t)
	found, passes := analyzerPackages(t, root)
	names := runNogoMain(t, root, found)
	for i, p := range found {
		name := names[i]
		if want := path.Base(p); name != want {
			t.Errorf("%s: Analyzer.Name is %q, want the package name %q (docs/bazel.md's nogo_config.json keys)", p, name, want)
		}
		if slices.Contains(passes, p) && len(rules.RuleIDs(name)) == 0 {
			t.Errorf("%s: the catalogue has no rules for pass %q", p, name)
		}
	}
}

// runNogoMain writes a module with a main package of nogo's shape and runs
// it; the program validates the analyzers and prints their names.
func runNogoMain(t *testing.T, root string, pkgs []string) []string {
	t.Helper()
	dir := t.TempDir()
	gomod := "module example.com/nogocheck\n\ngo 1.26\n\nrequire " + goplscompat.Module + " v0.0.0\n\nreplace " +
		goplscompat.Module + " => " + root + "\n"
	writeFile(t, filepath.Join(dir, "go.mod"), gomod)
	writeFile(t, filepath.Join(dir, "main.go"), nogoMain(pkgs))
	goCmd(t, dir, "mod", "tidy")
	var names []string
	if err := json.Unmarshal([]byte(goCmd(t, dir, "run", ".")), &names); err != nil {
		t.Fatal(err)
	}
	if len(names) != len(pkgs) {
		t.Fatalf("the program printed %d names for %d packages", len(names), len(pkgs))
	}
	return names
}

// nogoMain is a main package importing each package as analyzerN and
// listing their Analyzer variables in a []*analysis.Analyzer, as nogo's
// generated main does.
func nogoMain(pkgs []string) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"encoding/json\"\n\t\"log\"\n\t\"os\"\n\n\t\"golang.org/x/tools/go/analysis\"\n")
	for i, p := range pkgs {
		b.WriteString("\tanalyzer" + strconv.Itoa(i) + " \"" + p + "\"\n")
	}
	b.WriteString(")\n\nvar analyzers = []*analysis.Analyzer{\n")
	for i := range pkgs {
		b.WriteString("\tanalyzer" + strconv.Itoa(i) + ".Analyzer,\n")
	}
	b.WriteString(`}

func main() {
	if err := analysis.Validate(analyzers); err != nil {
		log.Fatal(err)
	}
	var names []string
	for _, a := range analyzers {
		names = append(names, a.Name)
	}
	json.NewEncoder(os.Stdout).Encode(names)
}
`)
	return b.String()
}

// TestNoInitEffects runs Effects on every analyzer package and the
// packages of this module it imports.
func TestNoInitEffects(t *testing.T) {
	root := root(t)
	found, _ := analyzerPackages(t, root)
	args := append([]string{"-deps", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles \",\"}}"}, found...)
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(goList(t, root, args...)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || !strings.HasPrefix(f[0]+"/", goplscompat.Module+"/") || f[2] == "" {
			continue
		}
		fset := token.NewFileSet()
		files, err := parseDir(fset, f[1], strings.Split(f[2], ","))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range Effects(fset, files) {
			t.Errorf("%s: %s", f[0], e)
		}
		checked++
	}
	if checked < len(found) {
		t.Fatalf("checked %d packages, fewer than the %d analyzer packages", checked, len(found))
	}
	t.Logf("checked %d packages", checked)
}

func goList(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return goCmd(t, dir, append([]string{"list"}, args...)...)
}

func goCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
