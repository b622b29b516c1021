package read

import "errors"

// Error is what Read returns when file-level errors stop it: each error
// (a *model.FileError) and the files that were read and refused, so that
// a summary can list them.
type Error struct {
	Files   []string // data files read, in path order, relative to the site folder
	Refused []string // data files that could not be read, in path order
	Errs    []error  // the file-level errors: the refused files', then any about the folder or config
}

// Error lists the errors one a line, as errors.Join does.
func (e *Error) Error() string { return errors.Join(e.Errs...).Error() }

// Unwrap returns the errors, for errors.Is and errors.As.
func (e *Error) Unwrap() []error { return e.Errs }
