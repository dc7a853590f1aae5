package corpus

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// TestGenerateBuilds generates the 10k corpus and builds it with the go
// command: the copies, the defects and the helper packages compile.
func TestGenerateBuilds(t *testing.T) {
	dir := t.TempDir()
	m, err := Generate(dir, 10000)
	if err != nil {
		t.Fatal(err)
	}
	if m.Lines < 10000 || m.Lines > 10000+1000 {
		t.Errorf("corpus has %d lines, want 10000 to 11000", m.Lines)
	}
	if m.Units != 3 || m.Defective != 1 {
		t.Errorf("corpus has %d units, %d defective; want 3 and 1", m.Units, m.Defective)
	}
	if m.ExpectedTotal() != len(defects) {
		t.Errorf("corpus expects %d findings, want %d (one per defect)", m.ExpectedTotal(), len(defects))
	}
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./... in the corpus: %v\n%s", err, out)
	}
	back, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if back.Lines != m.Lines || back.ExpectedTotal() != m.ExpectedTotal() {
		t.Errorf("manifest read back %+v, want %+v", back, m)
	}
}

// TestDeterministic generates the same size twice and compares the trees.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if _, err := Generate(a, 7000); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(b, 7000); err != nil {
		t.Fatal(err)
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files, then %d", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two generations", name)
		}
	}
}

// tree returns the files under dir by relative path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestSizes checks the shape at a larger size without writing Go files
// twice: units, fill and defective units grow as documented.
func TestSizes(t *testing.T) {
	m, err := Generate(t.TempDir(), 60000)
	if err != nil {
		t.Fatal(err)
	}
	if m.Lines < 60000 {
		t.Errorf("%d lines, want at least 60000", m.Lines)
	}
	per := m.Lines / m.Units
	if per < 2900 || per > 3500 {
		t.Errorf("%d lines per unit, want about 3.1k", per)
	}
	want := (m.Units + 7) / 8
	if m.Defective != want {
		t.Errorf("%d defective units of %d, want %d", m.Defective, m.Units, want)
	}
	if m.ExpectedTotal() != want*len(defects) {
		t.Errorf("%d expected findings, want %d", m.ExpectedTotal(), want*len(defects))
	}
}

// TestDefectRulesKnown checks that every rule a defect expects is in the
// catalogue.
func TestDefectRulesKnown(t *testing.T) {
	for _, id := range defectRules() {
		if rules.LookupRule(id) == nil {
			t.Errorf("a defect expects rule %q, which the catalogue does not have", id)
		}
	}
}

// TestEditsMissingAnchor checks that an edit whose text is gone from the
// example is an error, not a silently clean unit.
func TestEditsMissingAnchor(t *testing.T) {
	files := map[string][]byte{"close.go": []byte("package client\n"), "incoming.go": []byte("package client\n"), "vc.go": []byte("package client\n")}
	err := applyDefects(files, "client", "u0000")
	if err == nil || !strings.Contains(err.Error(), "occurs 0 times") {
		t.Errorf("applyDefects on files without the anchors: %v, want an error saying so", err)
	}
}

// TestAddImport checks both import forms.
func TestAddImport(t *testing.T) {
	got, err := addImport("package p\n\nimport \"a\"\n\nvar x = 1\n", "m/b")
	if err != nil || got != "package p\n\nimport (\n\t\"a\"\n\n\t\"m/b\"\n)\n\nvar x = 1\n" {
		t.Errorf("single import: %q, %v", got, err)
	}
	got, err = addImport("package p\n\nimport (\n\t\"a\"\n)\n", "m/b")
	if err != nil || got != "package p\n\nimport (\n\t\"m/b\"\n\t\"a\"\n)\n" {
		t.Errorf("grouped import: %q, %v", got, err)
	}
	if _, err := addImport("package p\n", "m/b"); err == nil {
		t.Error("addImport without an import declaration: no error")
	}
}
