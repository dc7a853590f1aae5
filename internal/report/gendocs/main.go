// Command gendocs writes docs/rules.md from the rule registry
// (report.RulesMarkdown). Run it with go generate ./internal/report.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ndislint/ndislint/internal/report"
)

func main() {
	out := flag.String("o", "docs/rules.md", "file to write")
	flag.Parse()
	if err := os.WriteFile(*out, report.RulesMarkdown(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}
