package roles

import (
	"fmt"
	"go/ast"

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
		Pos: u.Pos, End: u.End, Category: rules.RuleRoleUndeclared,
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
	d.Related = append(d.Related, unnamed(u, others)...)
	c.rep.Report(d)
}

// unnamed lists, one related entry each at the slot, the roles sharing the
// signature that the message does not name (past the first shownItems).
func unnamed(u *rolebind.Binding, others []*rules.Role) []analysis.RelatedInformation {
	if len(others) <= shownItems {
		return nil
	}
	var out []analysis.RelatedInformation
	for _, r := range others[shownItems:] {
		out = append(out, analysis.RelatedInformation{Pos: u.Pos, End: u.End, Message: r.Name + " also has this signature"})
	}
	return out
}

func shareVerb(n int) string {
	if n == 1 {
		return "shares"
	}
	return "share"
}

// directiveFix adds //ndis:role ROLE at the end of fd's doc comment (or as
// its doc comment): a text edit of one line, no rendering of the file.
// There is no fix for a declaration that does not start its line.
func (c *checker) directiveFix(fd *ast.FuncDecl, r *rules.Role) (analysis.SuggestedFix, bool) {
	line := "//ndis:role " + r.Name
	edit := analysis.TextEdit{Pos: fd.Pos(), End: fd.Pos(), NewText: []byte(line + "\n")}
	if fd.Doc != nil {
		edit = analysis.TextEdit{Pos: fd.Doc.End(), End: fd.Doc.End(), NewText: []byte("\n//\n" + line)}
	} else if c.pass.Fset.Position(fd.Pos()).Column != 1 {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Add " + line + " to " + fd.Name.Name,
		TextEdits: []analysis.TextEdit{edit},
	}, true
}
