package read

import (
	"errors"

	"github.com/opsalign/opsalign/generator/model"
)

// Error is what Read returns when file-level errors stop it: each error
// (a *model.FileError, one a file) and the files that were read, so that
// a summary can list what was read and what was refused.
type Error struct {
	Files []string // data files read, in path order, relative to the site folder
	Errs  []error  // the file-level errors, in path order
}

// Error lists the errors one a line, as errors.Join does.
func (e *Error) Error() string { return errors.Join(e.Errs...).Error() }

// Unwrap returns the errors, for errors.Is and errors.As.
func (e *Error) Unwrap() []error { return e.Errs }

// Refused lists the files (or the folder) each error names, in order.
func (e *Error) Refused() []string {
	var out []string
	for _, err := range e.Errs {
		var fe *model.FileError
		if errors.As(err, &fe) && (len(out) == 0 || out[len(out)-1] != fe.File) {
			out = append(out, fe.File)
		}
	}
	return out
}
