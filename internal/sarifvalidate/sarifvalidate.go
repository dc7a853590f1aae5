// Package sarifvalidate runs Microsoft's sarif-multitool (npm
// @microsoft/sarif-multitool; .ci/run installs it and sets
// NDISLINT_SARIF_MULTITOOL) over a SARIF file and returns what it found,
// for the tests that prove ndislint's SARIF validates: internal/report's
// over the writers, cmd/ndislint's over the command's -f sarif.
package sarifvalidate

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pkg/errors"
)

// EnvTool is the environment variable naming the sarif-multitool binary.
const EnvTool = "NDISLINT_SARIF_MULTITOOL"

// Tool returns the sarif-multitool binary to use: ok is false when none
// is set up, and required is true when CI is set (a test must then fail,
// not skip).
func Tool() (tool string, ok, required bool) {
	tool = os.Getenv(EnvTool)
	return tool, tool != "", os.Getenv("CI") != ""
}

// Report is what one validation found.
type Report struct {
	// Issues are the errors and warnings, one line each.
	Issues []string
	// Notes are the validator's notes (always some: SARIF2003, no
	// versionControlProvenance, and the like).
	Notes []string
	// Output is what the tool printed.
	Output string
}

// Validate runs `sarif-multitool validate` over in, writing its own log
// into out, and reads the log. It is an error when the tool did not run
// successfully or did not read in.
func Validate(tool, in, out string) (*Report, error) {
	cmd := exec.Command(tool, "validate", "--output", out, "--level", "Error;Warning;Note", in)
	cmd.Env = append(os.Environ(), "DOTNET_CLI_TELEMETRY_OPTOUT=1")
	b, runErr := cmd.CombinedOutput()
	rep := &Report{Output: string(b)}
	data, err := os.ReadFile(out)
	if err != nil {
		return rep, errors.Wrapf(err, "sarif-multitool wrote no log (run: %v)", runErr)
	}
	var log validationLog
	if err := json.Unmarshal(data, &log); err != nil {
		return rep, errors.Wrap(err, "reading sarif-multitool's log")
	}
	if len(log.Runs) != 1 {
		return rep, fmt.Errorf("sarif-multitool's log has %d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if err := checkRun(run, in); err != nil {
		return rep, err
	}
	for _, r := range run.Results {
		if r.Level == "error" || r.Level == "warning" || r.Level == "" { // SARIF's default level is warning
			rep.Issues = append(rep.Issues, r.String())
		} else {
			rep.Notes = append(rep.Notes, r.String())
		}
	}
	return rep, nil
}

// validationLog is what TestSARIFValidates reads of sarif-multitool's log.
type validationLog struct {
	Runs []validationRun `json:"runs"`
}

// validationRun is the validator's run.
type validationRun struct {
	Invocations []struct {
		ExecutionSuccessful            bool             `json:"executionSuccessful"`
		ToolExecutionNotifications     []validationItem `json:"toolExecutionNotifications"`
		ToolConfigurationNotifications []validationItem `json:"toolConfigurationNotifications"`
	} `json:"invocations"`
	Results []validationItem `json:"results"`
}

// validationItem is one of the validator's results or notifications.
type validationItem struct {
	RuleID  string `json:"ruleId"`
	Level   string `json:"level"`
	Message struct {
		Text      string   `json:"text"`
		ID        string   `json:"id"`
		Arguments []string `json:"arguments"`
	} `json:"message"`
	Descriptor struct {
		ID string `json:"id"`
	} `json:"descriptor"`
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
		} `json:"physicalLocation"`
	} `json:"locations"`
}

// String is the item on one line.
func (v validationItem) String() string {
	return fmt.Sprintf("%s%s %s: %s%s %s", v.RuleID, v.Descriptor.ID, v.Level, v.Message.Text, v.Message.ID, strings.Join(v.Message.Arguments, " | "))
}

// checkRun returns an error unless the validator ran successfully over in.
func checkRun(run validationRun, in string) error {
	if len(run.Invocations) == 0 || !run.Invocations[0].ExecutionSuccessful {
		return fmt.Errorf("sarif-multitool's run did not succeed: %+v", run.Invocations)
	}
	for _, inv := range run.Invocations {
		for _, n := range append(inv.ToolExecutionNotifications, inv.ToolConfigurationNotifications...) {
			if n.Level == "error" {
				return fmt.Errorf("sarif-multitool: %s", n)
			}
		}
	}
	// The validator always has notes (SARIF2003: no
	// versionControlProvenance) located in the file it read.
	for _, r := range run.Results {
		for _, l := range r.Locations {
			if strings.HasSuffix(l.PhysicalLocation.ArtifactLocation.URI, "/"+filepath.Base(in)) {
				return nil
			}
		}
	}
	return fmt.Errorf("no result of sarif-multitool's log is located in %s: did it read it?", in)
}
