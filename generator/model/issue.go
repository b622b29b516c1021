package model

import "fmt"

// Severity grades an Issue.
type Severity string

// Severities, most serious first.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevInfo    Severity = "info"
)

// Issue is one problem found in the input, pointing at the exact cell.
type Issue struct {
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Sheet    string   `json:"sheet"`
	Row      int      `json:"row"`
	Column   string   `json:"column"`
	Field    string   `json:"field"`
	Value    string   `json:"value"`
	Message  string   `json:"message"`
}

// Ref is the issue's position, compiler-style: file:Sheet!F12.
func (i Issue) Ref() string { return Ref(i.File, i.Sheet, i.Row, i.Column) }

// String formats the issue as the CLI prints it:
// "sample-data/register.xlsx:Initiatives!F12: error: budget: cannot read "12,5OO" as money".
func (i Issue) String() string {
	if i.Field == "" {
		return fmt.Sprintf("%s: %s: %s", i.Ref(), i.Severity, i.Message)
	}
	return fmt.Sprintf("%s: %s: %s: %s", i.Ref(), i.Severity, i.Field, i.Message)
}

// FileError is a file-level problem: the file cannot be read at all, or a
// required table or column is missing. A build stops on it before anything
// is written.
type FileError struct {
	File  string // relative to the site folder
	Sheet string
	Err   error
}

func (e *FileError) Error() string {
	if e.Sheet != "" {
		return fmt.Sprintf("%s:%s: %v", e.File, e.Sheet, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }
