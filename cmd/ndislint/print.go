package main

import (
	"io"
	"os"

	"github.com/ndislint/ndislint/internal/report"
)

// print writes the findings (and the summary, with -summary) in the
// format the flags ask for: text on stderr (findings) and stdout
// (summary); -json, -f json and -f sarif on stdout.
func print(o *options, r *runResult, sum *summary, stdout, stderr io.Writer) error {
	switch {
	case o.legacyJSON:
		return r.printLegacyJSON(stdout)
	case o.format == "json":
		return report.WriteJSON(stdout, r.report(sum))
	case o.format == "sarif":
		return report.WriteSARIF(stdout, r.report(sum), toolInfo(), sarifOptions())
	}
	r.printText(stderr, o.context)
	if sum != nil {
		printSummary(stdout, sum)
	}
	return nil
}

// report converts the run to the report model.
func (r *runResult) report(sum *summary) *report.Result {
	res := &report.Result{Findings: []report.Finding{}, Summary: sum}
	for _, d := range r.diags {
		res.Findings = append(res.Findings, report.FromDiagnostic(r.fset, d.Analyzer.Name, d.Package, d.Diagnostic))
	}
	report.SortFindings(res.Findings)
	for _, e := range r.errors {
		res.Errors = append(res.Errors, e.String())
	}
	return res
}

// toolInfo describes this build for SARIF.
func toolInfo() report.Tool {
	v, commit := buildVersion()
	return report.Tool{Name: "ndislint", Version: v, Commit: commit, InfoURI: "https://github.com/ndislint/ndislint"}
}

// sarifOptions makes file URIs relative to the working directory (the
// repository root, where CI runs the command), as GitHub code scanning
// expects.
func sarifOptions() report.SARIFOptions {
	wd, _ := os.Getwd()
	return report.SARIFOptions{SrcRoot: wd}
}
