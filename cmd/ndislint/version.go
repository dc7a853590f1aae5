package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version prints the module's version and the commit it was built from,
// as debug.ReadBuildInfo knows them ("(devel)" for a build in the
// checkout; the commit and a "-dirty" mark when the go command stamped
// them).
func version(w io.Writer, progname string) {
	v, commit := buildVersion()
	if commit != "" {
		fmt.Fprintf(w, "%s %s (commit %s)\n", progname, v, commit)
		return
	}
	fmt.Fprintf(w, "%s %s\n", progname, v)
}

// buildVersion returns the module version and VCS revision of this build.
func buildVersion() (v, commit string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)", ""
	}
	v = bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if commit != "" && dirty {
		commit += "-dirty"
	}
	return v, commit
}
