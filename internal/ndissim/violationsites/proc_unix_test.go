//go:build unix

package violationsites_test

import (
	"os/exec"
	"syscall"
)

// killProcessTree makes cmd, when its context ends, kill its whole process
// group: the go command and the compilers and test binaries it started,
// which a kill of the go command alone would leave running.
func killProcessTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
