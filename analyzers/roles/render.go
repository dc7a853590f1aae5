package roles

import (
	"bytes"
	"go/ast"
	"go/token"
	"strings"

	"github.com/dave/dst"
	"github.com/dave/dst/decorator"
)

// The suggested fixes render the code they add or change with dst, which
// keeps the comments of the code they touch (go/ast's printer loses or
// misplaces them).

// decorated is one file decorated with dst, and the map from its go/ast
// nodes to dst nodes.
type decorated struct {
	file *dst.File
	dec  *decorator.Decorator
}

// decorate returns the dst form of the file holding pos, decorated once per
// run, or nil.
func (c *checker) decorate(pos token.Pos) (*decorated, *ast.File) {
	f := c.fileOf(pos)
	if f == nil {
		return nil, nil
	}
	if c.dsts == nil {
		c.dsts = map[*ast.File]*decorated{}
	}
	if d, ok := c.dsts[f]; ok {
		return d, f
	}
	dec := decorator.NewDecorator(c.pass.Fset)
	df, err := dec.DecorateFile(f)
	if err != nil {
		c.dsts[f] = nil
		return nil, f
	}
	d := &decorated{file: df, dec: dec}
	c.dsts[f] = d
	return d, f
}

// fileOf returns the file of the package that holds pos.
func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
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

// readFile reads a source file of the package through the pass.
func (c *checker) readFile(name string) ([]byte, error) {
	if c.pass.ReadFile != nil {
		return c.pass.ReadFile(name)
	}
	return nil, errNoReadFile
}

type noReadFile struct{}

func (noReadFile) Error() string { return "the driver gives no ReadFile" }

var errNoReadFile error = noReadFile{}
