package roletypes

import (
	"fmt"
	"go/ast"
	"strings"

	"github.com/dave/dst"
	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/rules"
)

// reportUndeclared reports a function stored in slot u with no declared
// role while other roles share the slot's signature, with a fix that adds
// the directive for the slot's role when the function is declared in this
// package.
func (c *checker) reportUndeclared(fi *funcInfo, u *rolebind.Binding, others []*rules.Role) {
	d := analysis.Diagnostic{
		Pos: u.Pos, End: u.End, Category: RuleUndeclared,
		Message: fmt.Sprintf("%s is stored in %s (%s) but declares no role, and %s %s its signature: "+
			"declare the role it implements with //ndis:role so that its use can be checked",
			fi.name(), u.Slot, u.Role.Name, names(others), shareVerb(len(others))),
	}
	if fd := c.decls[fi.fn]; fd != nil {
		d.Related = []analysis.RelatedInformation{{Pos: fd.Name.Pos(), End: fd.Name.End(), Message: fi.name() + " is declared here"}}
		if fix, ok := c.directiveFix(fd, u.Role); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.rep.Report(d)
}

func shareVerb(n int) string {
	if n == 1 {
		return "shares"
	}
	return "share"
}

// directiveFix adds //ndis:role ROLE at the end of fd's doc comment.
func (c *checker) directiveFix(fd *ast.FuncDecl, r *rules.Role) (analysis.SuggestedFix, bool) {
	d, _ := c.decorate(fd.Pos())
	if d == nil {
		return analysis.SuggestedFix{}, false
	}
	node, ok := d.dec.Dst.Nodes[fd].(*dst.FuncDecl)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	clone := dst.Clone(node).(*dst.FuncDecl)
	var doc []string
	start := fd.Pos()
	if fd.Doc != nil {
		start = fd.Doc.Pos()
		for _, cm := range fd.Doc.List {
			doc = append(doc, cm.Text)
		}
		doc = append(doc, "//")
	}
	doc = append(doc, "//ndis:role "+r.Name)
	clone.Decs.Before, clone.Decs.After = dst.EmptyLine, dst.None
	clone.Decs.End.Clear() // a trailing comment stays in the source, after the edit
	clone.Decs.Start.Replace(doc...)
	text, ok := renderDecls(clone)
	if !ok || !strings.Contains(text, "//ndis:role "+r.Name) {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Add //ndis:role " + r.Name + " to " + fd.Name.Name,
		TextEdits: []analysis.TextEdit{{Pos: start, End: fd.End(), NewText: []byte(text)}},
	}, true
}
