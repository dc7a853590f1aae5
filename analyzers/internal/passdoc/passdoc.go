// Package passdoc extracts an Analyzer's documentation from its package's
// doc comment, the convention of golang.org/x/tools/go/analysis/passes: the
// package comment (in doc.go, embedded with //go:embed) has a section
//
//	# Analyzer NAME
//
//	NAME: one-line title
//
//	Longer text...
//
// and the Analyzer's Doc is that section without its heading and without
// the "NAME: " before the title. So `go doc`, pkg.go.dev and `ndislint help
// NAME` show one text.
package passdoc

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the "# Analyzer name" section of the package comment of
// the Go source content.
func Extract(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("passdoc: parsing doc.go: %w", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("passdoc: doc.go has no package comment")
	}
	return section(f.Doc, name)
}

// MustExtract is Extract for package-level variable initialisers: a pass
// whose doc.go lacks its section is a programming error found by its first
// test.
func MustExtract(content, name string) string {
	doc, err := Extract(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// section finds the analyzer's section in a doc comment.
func section(doc *ast.CommentGroup, name string) (string, error) {
	heading := "# Analyzer " + name
	lines := strings.Split(doc.Text(), "\n")
	start := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == heading {
			start = i + 1
			break
		}
	}
	if start < 0 {
		return "", fmt.Errorf("passdoc: no %q section in the package comment", heading)
	}
	end := len(lines)
	for i := start; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "# ") {
			end = i
			break
		}
	}
	text := strings.TrimSpace(strings.Join(lines[start:end], "\n"))
	title, ok := strings.CutPrefix(text, name+": ")
	if !ok {
		return "", fmt.Errorf("passdoc: the %q section must begin with %q", heading, name+": title")
	}
	return title, nil
}
