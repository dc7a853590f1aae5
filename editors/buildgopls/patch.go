package main

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/ndislint/ndislint/internal/goplscompat"
)

// analysisFile is the gopls file that lists its analyzers, relative to the
// gopls module root.
const analysisFile = "internal/settings/analysis.go"

// The texts the patch expects in analysisFile, each exactly once. If gopls
// changes them, the patch stops with an error naming the missing one.
const (
	importAnchor = "\nimport (\n"
	listAnchor   = "\n\tfor _, a := range []*Analyzer{\n"
)

// fieldShape is the Analyzer struct field the added entries set.
var fieldShape = regexp.MustCompile(`(?m)^\tanalyzer\s+\*analysis\.Analyzer\b`)

// patchAnalyzers adds the passes to gopls's analyzer list in file: one
// import each (named ndislint_<ident>) and one entry
// {analyzer: ndislint_<ident>.Analyzer} at the head of the list gopls
// appends after its vet and fix suites, with gopls's default severity
// (warning) and enabled by default.
func patchAnalyzers(file string, passes []goplscompat.Pass) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	src, err := patchSource(string(data), passes)
	if err != nil {
		return fmt.Errorf("%s: %v (gopls's source no longer has the shape buildgopls patches)", file, err)
	}
	return os.WriteFile(file, []byte(src), 0o644)
}

// patchSource returns src with the passes' imports and entries added.
func patchSource(src string, passes []goplscompat.Pass) (string, error) {
	for _, anchor := range []string{importAnchor, listAnchor} {
		if n := strings.Count(src, anchor); n != 1 {
			return "", fmt.Errorf("expected %q once, found it %d times", strings.TrimSpace(anchor), n)
		}
	}
	if !fieldShape.MatchString(src) {
		return "", fmt.Errorf("type Analyzer has no field %q", "analyzer *analysis.Analyzer")
	}
	var imports, entries strings.Builder
	for _, p := range passes {
		alias := "ndislint_" + p.Ident
		fmt.Fprintf(&imports, "\t%s %s\n", alias, strconv.Quote(p.ImportPath))
		fmt.Fprintf(&entries, "\t\t{analyzer: %s.Analyzer}, // added by ndislint's buildgopls\n", alias)
	}
	src = strings.Replace(src, importAnchor, importAnchor+imports.String(), 1)
	src = strings.Replace(src, listAnchor, listAnchor+entries.String(), 1)
	return src, nil
}
