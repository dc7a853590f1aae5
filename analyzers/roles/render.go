package roles

import (
	"bytes"
	"cmp"
	"go/ast"
	"go/token"
	"slices"
	"sort"
	"strings"

	"github.com/dave/dst"
	"github.com/dave/dst/decorator"
)

// The suggested fixes render the code they add or change with dst, which
// keeps the comments of the code they touch (go/ast's printer loses or
// misplaces them).

// decorated is one top-level declaration decorated with dst, and the map
// from its go/ast nodes to dst nodes.
type decorated struct {
	file *dst.File
	dec  *decorator.Decorator
}

// decorate returns the dst form of the top-level declaration holding pos,
// decorated once per run (and the file holding it), or nil. Only that
// declaration is decorated, with the comments from its doc comment to the
// end of its last line (to the end of the file for the last declaration):
// what a fix renders of it is what decorating the whole file would give
// (TestDecorateDecl), at a cost that does not grow with the file.
func (c *checker) decorate(pos token.Pos) (*decorated, *ast.File) {
	f := c.fileOf(pos)
	if f == nil {
		return nil, nil
	}
	i := sort.Search(len(f.Decls), func(i int) bool { return f.Decls[i].End() > pos })
	if i == len(f.Decls) || f.Decls[i].Pos() > pos {
		return nil, f
	}
	decl := f.Decls[i]
	if c.dsts == nil {
		c.dsts = map[ast.Decl]*decorated{}
	}
	if d, ok := c.dsts[decl]; ok {
		return d, f
	}
	d := decorateDecl(c.pass.Fset, f, i)
	c.dsts[decl] = d
	return d, f
}

// decorateDecl decorates the i-th declaration of f as a file of its own
// holding that declaration and the comments around it, or returns nil.
func decorateDecl(fset *token.FileSet, f *ast.File, i int) *decorated {
	decl := f.Decls[i]
	start, end := decl.Pos(), f.FileEnd
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			start = d.Doc.Pos()
		}
	case *ast.GenDecl:
		if d.Doc != nil {
			start = d.Doc.Pos()
		}
	}
	if i+1 < len(f.Decls) {
		if tf := fset.File(decl.End()); tf != nil {
			if line := tf.Line(decl.End()); line < tf.LineCount() {
				end = tf.LineStart(line + 1)
			}
		}
	}
	lo := sort.Search(len(f.Comments), func(j int) bool { return f.Comments[j].Pos() >= start })
	hi := sort.Search(len(f.Comments), func(j int) bool { return f.Comments[j].Pos() >= end })
	part := &ast.File{
		Package: f.Package, Name: f.Name, Decls: []ast.Decl{decl}, Comments: f.Comments[lo:hi],
		FileStart: f.FileStart, FileEnd: f.FileEnd,
	}
	dec := decorator.NewDecorator(fset)
	df, err := dec.DecorateFile(part)
	if err != nil {
		return nil
	}
	return &decorated{file: df, dec: dec}
}

// fileOf returns the file of the package that holds pos.
func (c *checker) fileOf(pos token.Pos) *ast.File {
	if c.files == nil {
		c.files = slices.Clone(c.pass.Files)
		slices.SortFunc(c.files, func(a, b *ast.File) int { return cmp.Compare(a.FileStart, b.FileStart) })
	}
	i := sort.Search(len(c.files), func(i int) bool { return c.files[i].FileEnd >= pos })
	if i < len(c.files) && c.files[i].FileStart <= pos {
		return c.files[i]
	}
	return nil
}

// renderDecls prints declarations as source text, with their decorations,
// one after another.
func renderDecls(decls ...dst.Decl) (string, bool) {
	f := &dst.File{Name: dst.NewIdent("p"), Decls: decls}
	var buf bytes.Buffer
	if err := decorator.NewRestorer().Fprint(&buf, f); err != nil {
		return "", false
	}
	s := strings.TrimPrefix(buf.String(), "package p\n")
	return strings.Trim(s, "\n"), true
}

// renderExpr prints an expression as source text; lines after the first are
// indented by indent, so the text can replace the expression in place.
func renderExpr(e dst.Expr, indent string) (string, bool) {
	spec := &dst.ValueSpec{Names: []*dst.Ident{dst.NewIdent("_")}, Values: []dst.Expr{e}}
	s, ok := renderDecls(&dst.GenDecl{Tok: token.VAR, Specs: []dst.Spec{spec}})
	if !ok {
		return "", false
	}
	s, ok = strings.CutPrefix(s, "var _ = ")
	if !ok {
		return "", false
	}
	return strings.ReplaceAll(s, "\n", "\n"+indent), true
}

// indentOf returns the leading white space of the line holding pos.
func (c *checker) indentOf(pos token.Pos) string {
	tf := c.pass.Fset.File(pos)
	if tf == nil {
		return ""
	}
	src, err := c.readFile(tf.Name())
	if err != nil {
		return ""
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// readFile reads a source file of the package through the pass, once per
// run: fixes in one file read it once, not once each.
func (c *checker) readFile(name string) ([]byte, error) {
	if src, ok := c.srcs[name]; ok {
		return src, nil
	}
	if c.pass.ReadFile == nil {
		return nil, errNoReadFile
	}
	src, err := c.pass.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if c.srcs == nil {
		c.srcs = map[string][]byte{}
	}
	c.srcs[name] = src
	return src, nil
}

type noReadFile struct{}

func (noReadFile) Error() string { return "the driver gives no ReadFile" }

var errNoReadFile error = noReadFile{}
