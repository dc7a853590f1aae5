// Package corpus generates the benchmark corpus of issue 10: a Go module of
// Go-modelled NDIS drivers, in units of about 3.1k lines, with seeded
// defects whose expected findings it records in a manifest.
//
// A unit uNNNN holds renamed copies of the example client and call manager
// (examples/client and examples/callmanager, test files left out), each
// with a telemetry file that imports the unit's helper packages: locks (a
// spin-lock wrapper with //ndis:irql contracts), timing (sleeps, so its
// callers must run below DISPATCH_LEVEL), and stats and wire, which import
// neither ndis nor wdm. Whatever the whole units leave of the requested
// size is filled with packages under fill/ that import neither. Every
// eighth unit, the first among them, carries the seeded defects (defects.go).
//
// Generation is deterministic: the same repository and size give the same
// files.
package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
)

// Version is the generator's version; it is part of the cache key, so a
// change to what is generated must change it.
const Version = "1"

// ModulePath is the corpus module's path.
const ModulePath = "ndiscorpus"

// ManifestFile is the name of the manifest in the corpus directory.
const ManifestFile = "manifest.json"

// Manifest describes a generated corpus.
type Manifest struct {
	// Version is the generator's Version.
	Version string `json:"version"`
	// Root is the repository the corpus's go.mod replaces ndislint with.
	Root string `json:"root"`
	// Requested is the requested number of lines; Lines is what was
	// written, counting every line of every .go file.
	Requested int `json:"requested"`
	Lines     int `json:"lines"`
	// Files and Packages count the .go files and the packages.
	Files    int `json:"files"`
	Packages int `json:"packages"`
	// Units is the number of units, Defective how many carry the defects.
	Units     int `json:"units"`
	Defective int `json:"defective"`
	// Expected is the number of findings ndislint should report, by rule
	// ID.
	Expected map[string]int `json:"expected"`
}

// ExpectedTotal returns the number of findings expected in all.
func (m Manifest) ExpectedTotal() int {
	n := 0
	for _, c := range m.Expected {
		n += c
	}
	return n
}

// Generate writes a corpus of at least lines lines into dir, replacing
// ndislint with the repository that holds the working directory.
func Generate(dir string, lines int) (Manifest, error) {
	root, err := RepoRoot()
	if err != nil {
		return Manifest{}, err
	}
	return GenerateFrom(root, dir, lines)
}

// RepoRoot returns the root of the ndislint repository that holds the
// working directory.
func RepoRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil && modfile.ModulePath(data) == "github.com/ndislint/ndislint" {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no ndislint repository above %s", wd)
		}
	}
}

// Key returns the cache key of a corpus of lines lines generated from the
// repository at root: it changes with the generator's version, the root
// and the example sources the units copy.
func Key(root string, lines int) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00", Version, root, lines)
	for _, d := range []string{"client", "callmanager"} {
		files, err := sources(root, d)
		if err != nil {
			return "", err
		}
		for _, f := range files {
			fmt.Fprintf(h, "%s\x00%s\x00", f.name, f.data)
		}
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return "", err
		}
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// GenerateFrom writes a corpus of at least lines lines into dir, replacing
// ndislint with the repository at root. dir must be empty or absent.
func GenerateFrom(root, dir string, lines int) (Manifest, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return Manifest{}, err
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return Manifest{}, fmt.Errorf("corpus directory %s is not empty", dir)
	}
	g := &generator{root: root, dir: dir, m: Manifest{Version: Version, Root: root, Requested: lines, Expected: map[string]int{}}}
	if err := g.run(lines); err != nil {
		return Manifest{}, err
	}
	data, err := json.MarshalIndent(g.m, "", "\t")
	if err != nil {
		return Manifest{}, err
	}
	return g.m, os.WriteFile(filepath.Join(dir, ManifestFile), append(data, '\n'), 0o644)
}

// ReadManifest reads the manifest of the corpus in dir.
func ReadManifest(dir string) (Manifest, error) {
	var m Manifest
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return m, err
	}
	return m, json.Unmarshal(data, &m)
}

// A file is one source file of an example driver.
type file struct {
	name string
	data []byte
}

// sources returns the non-test Go files of examples/driver, sorted by name.
func sources(root, driver string) ([]file, error) {
	dir := filepath.Join(root, "examples", driver)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []file
	for _, e := range ents {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		files = append(files, file{n, data})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	if len(files) == 0 {
		return nil, fmt.Errorf("no Go files in %s", dir)
	}
	return files, nil
}

// generator writes one corpus.
type generator struct {
	root, dir string
	drivers   map[string][]file
	m         Manifest
}

// run writes go.mod, go.sum, the units and the fill.
func (g *generator) run(lines int) error {
	if err := g.writeModule(); err != nil {
		return err
	}
	g.drivers = map[string][]file{}
	for _, d := range []string{"client", "callmanager"} {
		files, err := sources(g.root, d)
		if err != nil {
			return err
		}
		g.drivers[d] = files
	}
	unit, err := g.unitLines()
	if err != nil {
		return err
	}
	for i := 0; g.m.Lines+unit <= lines || g.m.Units == 0; i++ {
		if err := g.writeUnit(i); err != nil {
			return err
		}
	}
	for i := 0; g.m.Lines < lines; i++ {
		if err := g.writeFill(i); err != nil {
			return err
		}
	}
	return nil
}

// unitLines returns the number of lines of a clean unit, measured by
// rendering one without writing it.
func (g *generator) unitLines() (int, error) {
	files, err := g.unitFiles(0, false)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range files {
		n += bytes.Count(f.data, []byte("\n"))
	}
	return n, nil
}

// writeModule writes go.mod, requiring ndislint (replaced by the
// repository) and, as indirect, every module the repository requires, and
// the repository's go.sum.
func (g *generator) writeModule() error {
	data, err := os.ReadFile(filepath.Join(g.root, "go.mod"))
	if err != nil {
		return err
	}
	mf, err := modfile.ParseLax("go.mod", data, nil)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo %s\n\nrequire github.com/ndislint/ndislint v0.0.0\n", ModulePath, mf.Go.Version)
	if len(mf.Require) > 0 {
		b.WriteString("\nrequire (\n")
		for _, r := range mf.Require {
			fmt.Fprintf(&b, "\t%s %s // indirect\n", r.Mod.Path, r.Mod.Version)
		}
		b.WriteString(")\n")
	}
	fmt.Fprintf(&b, "\nreplace github.com/ndislint/ndislint => %s\n", g.root)
	if err := g.write("go.mod", []byte(b.String()), false); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(g.root, "go.sum"))
	if err != nil {
		return err
	}
	return g.write("go.sum", sum, false)
}

// unitName returns the directory name of unit i.
func unitName(i int) string {
	return fmt.Sprintf("u%04d", i)
}

// writeUnit writes unit i and records its defects.
func (g *generator) writeUnit(i int) error {
	bad := defective(i)
	files, err := g.unitFiles(i, bad)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := g.write(f.name, f.data, true); err != nil {
			return err
		}
	}
	g.m.Units++
	g.m.Packages += 6
	if bad {
		g.m.Defective++
		for _, d := range defects {
			for id, n := range d.Expect {
				g.m.Expected[id] += n
			}
		}
	}
	return nil
}

// unitFiles renders unit i's files, with paths relative to the corpus.
func (g *generator) unitFiles(i int, bad bool) ([]file, error) {
	u := unitName(i)
	var out []file
	for _, d := range []string{"client", "callmanager"} {
		files, err := g.driverFiles(i, d, bad)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	for _, h := range []struct{ name, src string }{
		{"locks", locksSource}, {"timing", timingSource}, {"stats", statsSource}, {"wire", wireSource},
	} {
		out = append(out, file{filepath.Join(u, h.name, h.name+".go"), render(h.src, h.name, u)})
	}
	return out, nil
}

// driverFiles renders the copy of the example driver d in unit i: its
// package renamed, the telemetry file added, and the defects applied when
// bad.
func (g *generator) driverFiles(i int, d string, bad bool) ([]file, error) {
	u := unitName(i)
	pkg := fmt.Sprintf("%s%04d", d, i)
	byName := map[string][]byte{}
	var names []string
	for _, f := range g.drivers[d] {
		byName[f.name] = renamePackage(f.data, d, pkg)
		names = append(names, f.name)
	}
	if bad {
		if err := applyDefects(byName, d, u); err != nil {
			return nil, err
		}
	}
	byName["telemetry.go"] = render(telemetrySource, pkg, u)
	names = append(names, "telemetry.go")
	sort.Strings(names)
	out := make([]file, 0, len(names))
	for _, n := range names {
		out = append(out, file{filepath.Join(u, d, n), byName[n]})
	}
	return out, nil
}

// renamePackage renames package from to package to in a file's package
// clause and package doc comment.
func renamePackage(src []byte, from, to string) []byte {
	s := strings.Replace(string(src), "\npackage "+from+"\n", "\npackage "+to+"\n", 1)
	if strings.HasPrefix(s, "package "+from+"\n") {
		s = "package " + to + "\n" + strings.TrimPrefix(s, "package "+from+"\n")
	}
	s = strings.Replace(s, "// Package "+from+" ", "// Package "+to+" ", 1)
	return []byte(s)
}

// applyDefects applies the edits of every defect of driver d to its files.
func applyDefects(files map[string][]byte, d, unit string) error {
	for _, df := range defects {
		if df.Driver != d {
			continue
		}
		for _, e := range df.Edits {
			src, ok := files[e.File]
			if !ok {
				return fmt.Errorf("defect %q: no file %s in examples/%s", df.Name, e.File, d)
			}
			if n := strings.Count(string(src), e.Old); n != 1 {
				return fmt.Errorf("defect %q: the text to edit occurs %d times in examples/%s/%s, not once", df.Name, n, d, e.File)
			}
			s := strings.Replace(string(src), e.Old, e.New, 1)
			if e.Import != "" {
				var err error
				if s, err = addImport(s, ModulePath+"/"+unit+"/"+e.Import); err != nil {
					return fmt.Errorf("defect %q: %v", df.Name, err)
				}
			}
			files[e.File] = []byte(s)
		}
	}
	return nil
}

// addImport adds an import of path to a file that has an import
// declaration (single or grouped).
func addImport(src, path string) (string, error) {
	if i := strings.Index(src, "\nimport (\n"); i >= 0 {
		at := i + len("\nimport (\n")
		return src[:at] + "\t\"" + path + "\"\n" + src[at:], nil
	}
	i := strings.Index(src, "\nimport \"")
	if i < 0 {
		return "", fmt.Errorf("no import declaration to add %s to", path)
	}
	end := strings.Index(src[i+1:], "\n") + i + 1
	single := strings.TrimPrefix(src[i+1:end], "import ")
	return src[:i+1] + "import (\n\t" + single + "\n\n\t\"" + path + "\"\n)" + src[end:], nil
}

// writeFill writes fill package i, which imports neither ndis nor wdm.
func (g *generator) writeFill(i int) error {
	name := fmt.Sprintf("f%04d", i)
	src := statsSource
	if i%2 == 1 {
		src = wireSource
	}
	g.m.Packages++
	return g.write(filepath.Join("fill", name, name+".go"), render(src, name, ""), true)
}

// render fills a template's placeholders.
func render(src, pkg, unit string) []byte {
	r := strings.NewReplacer("@PKG@", pkg, "@MOD@", ModulePath, "@UNIT@", unit)
	return []byte(r.Replace(src))
}

// write writes a file of the corpus; a Go file counts in the manifest.
func (g *generator) write(rel string, data []byte, isGo bool) error {
	path := filepath.Join(g.dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if isGo {
		g.m.Files++
		g.m.Lines += bytes.Count(data, []byte("\n"))
	}
	return os.WriteFile(path, data, 0o644)
}
