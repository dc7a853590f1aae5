package directive

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestParseIgnoreMalformed: a rule list with no rule or an empty element is
// malformed, and the message says what is wrong; a well-formed list, and a
// reason with commas, are not.
func TestParseIgnoreMalformed(t *testing.T) {
	src := `package p

func f() {
	//ndislint:ignore ,, reason
	//ndislint:ignore , reason
	//ndislint:ignore ,vc-delete-cm-vc reason
	//ndislint:ignore vc-delete-cm-vc, vc-use-after-close reason
	//ndislint:ignore vc-use-after-close,,vc-delete-cm-vc reason
	//ndislint:ignore vc-use-after-close,vc-delete-cm-vc reason
	//ndislint:ignore vc-delete-cm-vc the CM, not us, deletes it
	//ndislint:ignore ignore-missing-reason
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ds, bad := Parse(f)
	var msgs []string
	for _, m := range bad {
		msgs = append(msgs, fset.Position(m.Pos).String()+": "+m.Msg)
	}
	wantBad := []string{
		`p.go:4:2: malformed directive //ndislint:ignore: rule list ",," names no rule: write //ndislint:ignore RULE[,RULE...] reason`,
		`p.go:5:2: malformed directive //ndislint:ignore: rule list "," names no rule: write //ndislint:ignore RULE[,RULE...] reason`,
		`p.go:6:2: malformed directive //ndislint:ignore: rule list ",vc-delete-cm-vc" starts with a comma`,
		`p.go:7:2: malformed directive //ndislint:ignore: rule list "vc-delete-cm-vc," ends with a comma (separate rule IDs with commas and no spaces)`,
		`p.go:8:2: malformed directive //ndislint:ignore: rule list "vc-use-after-close,,vc-delete-cm-vc" has an empty rule ID between two commas`,
	}
	if strings.Join(msgs, "\n") != strings.Join(wantBad, "\n") {
		t.Errorf("malformed:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(wantBad, "\n"))
	}
	var got []string
	for _, d := range ds {
		ids, reason, problem := ParseIgnore(d)
		var names []string
		for _, id := range ids {
			start, end := fset.Position(id.Pos).Offset, fset.Position(id.End).Offset
			if src[start:end] != id.ID {
				t.Errorf("rule %q is at text %q", id.ID, src[start:end])
			}
			names = append(names, id.ID)
		}
		got = append(got, strings.Join(names, ",")+"|"+reason+"|"+problem)
	}
	want := []string{
		"vc-use-after-close,vc-delete-cm-vc|reason|",
		"vc-delete-cm-vc|the CM, not us, deletes it|",
		"ignore-missing-reason||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ignores:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestParseIgnoreSpaces: rule positions hold when the arguments do not
// start at ArgsPos's text (a directive built by hand with leading blanks).
func TestParseIgnoreSpaces(t *testing.T) {
	d := Directive{Tool: ToolNdislint, Name: "ignore", Args: "  \tvc-a,vc-bb  why", ArgsPos: 100}
	ids, reason, problem := ParseIgnore(d)
	if problem != "" || reason != "why" || len(ids) != 2 {
		t.Fatalf("ParseIgnore = %+v, %q, %q", ids, reason, problem)
	}
	if ids[0].Pos != 103 || ids[0].End != 107 || ids[1].Pos != 108 || ids[1].End != 113 {
		t.Errorf("positions: %+v", ids)
	}
	if _, _, problem := ParseIgnore(Directive{Tool: ToolNdislint, Name: "ignore"}); problem == "" {
		t.Errorf("an ignore with no argument parses without a problem")
	}
}
