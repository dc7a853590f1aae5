//go:build !unix

package violationsites_test

import "os/exec"

// killProcessTree leaves exec's default, a kill of the go command, where
// there are no process groups to kill.
func killProcessTree(cmd *exec.Cmd) {}
