package nogocheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// effectsOf parses src as one file and returns Effects' messages.
func effectsOf(t *testing.T, src string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range Effects(fset, []*ast.File{f}) {
		out = append(out, e.String())
	}
	return out
}

// TestEffects checks each kind of effect Effects reports, and that
// building values is not one.
func TestEffects(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"init", "package p\nfunc init() {}\n", "p.go:2:1: func init"},
		{"write", "package p\nimport \"log\"\nvar x = set()\nfunc set() int { log.Prefix = nil; return 1 }\n", "p.go:4:18: writes a variable of package log"},
		{"incdec", "package p\nimport \"expvar\"\nvar x = func() int { expvar.N++; return 1 }()\n", "writes a variable of package expvar"},
		{"flag", "package p\nimport \"flag\"\nvar v = flag.Bool(\"v\", false, \"\")\n", "p.go:3:9: flag.Bool changes flag.CommandLine"},
		{"method", "package p\nimport \"net/http\"\nvar _ = reg()\nfunc reg() int { http.DefaultServeMux.Handle(\"/\", nil); return 0 }\n", "calls a method on a variable of package http"},
		{"discarded", "package p\nimport \"expvar\"\nvar _ = expvar.NewInt(\"n\")\n", "p.go:3:9: expvar.NewInt is called for its effect"},
		{"go", "package p\nvar x = func() int { go func() {}(); return 1 }()\n", "go statement in initialisation"},
		{"aliased", "package p\nimport fl \"flag\"\nvar _ = fl.Set(\"a\", \"b\")\n", "fl.Set is called for its effect"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(effectsOf(t, tc.src), "\n")
			if !strings.Contains(got, tc.want) {
				t.Errorf("Effects = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNoEffects checks that initialisers that only build values, a
// FlagSet of the package's own included, are not reported.
func TestNoEffects(t *testing.T) {
	src := `package p

import (
	"flag"
	"regexp"
	"sort"
)

type A struct{ Name string; Flags flag.FlagSet }

var file string

var Analyzer = &A{Name: "p", Flags: flags()}

var re = regexp.MustCompile("x")

var names = sorted([]string{"b", "a"})

func flags() flag.FlagSet {
	var fs flag.FlagSet
	fs.StringVar(&file, "file", "", "")
	return fs
}

func sorted(s []string) []string { sort.Strings(s); file = "x"; return s }
`
	if got := effectsOf(t, src); len(got) > 0 {
		t.Errorf("Effects reports building values: %q", got)
	}
}
