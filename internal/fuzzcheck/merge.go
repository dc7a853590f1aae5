package fuzzcheck

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
)

// Merge joins the files of one package into one file: one package clause,
// the files' imports merged (each import spec once), then each file's
// declarations in order. Whatever precedes a file's package clause (its
// doc comment, build constraints) is dropped.
func Merge(files [][]byte) ([]byte, error) {
	var name string
	imports := map[string]bool{}
	var bodies [][]byte
	for i, src := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", src, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("file %d: %v", i, err)
		}
		if name != "" && f.Name.Name != name {
			return nil, fmt.Errorf("file %d: package %s, want %s", i, f.Name.Name, name)
		}
		name = f.Name.Name
		end := f.Name.End()
		for _, spec := range f.Imports {
			imports[importText(spec.Name, spec.Path.Value)] = true
		}
		if n := len(f.Decls); n > 0 {
			end = f.Decls[n-1].End()
		}
		bodies = append(bodies, src[fset.Position(end).Offset:])
	}
	return assemble(name, imports, bodies), nil
}

// importText is an import spec's text: its name, if any, and its path.
func importText(name *ast.Ident, path string) string {
	if name != nil {
		return name.Name + " " + path
	}
	return path
}

// assemble writes the merged file.
func assemble(name string, imports map[string]bool, bodies [][]byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n", name)
	if len(imports) > 0 {
		specs := make([]string, 0, len(imports))
		for s := range imports {
			specs = append(specs, s)
		}
		sort.Strings(specs)
		b.WriteString("\nimport (\n")
		for _, s := range specs {
			fmt.Fprintf(&b, "\t%s\n", s)
		}
		b.WriteString(")\n")
	}
	for _, body := range bodies {
		b.Write(body)
		b.WriteString("\n")
	}
	return b.Bytes()
}
