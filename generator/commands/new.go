package commands

import (
	"context"
	"fmt"
	"io"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/scaffold"
)

// New creates a new site in dir (`opsalign new DIR`): opsalign.toml,
// the starter narrative and one spreadsheet template per table. It refuses
// a folder that is not empty.
func New(ctx context.Context, o Options, dir string) error {
	files, err := scaffold.Write(ctx, dir, scaffold.Options{})
	if err != nil {
		return err
	}
	if o.Quiet {
		return nil
	}
	fmt.Fprintf(o.Stdout, "Created a new opsalign site in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(o.Stdout, "  %s\n", f.Path)
	}
	fmt.Fprintf(o.Stdout, "\nNext: fill in %s/%s and %s/%s first (each workbook has an Instructions sheet),\n",
		scaffold.DataDir, scaffold.FileName(model.TableInitiatives), scaffold.DataDir, scaffold.FileName(model.TableMetrics))
	fmt.Fprintf(o.Stdout, "then run `opsalign check` in %s; `opsalign serve` shows the site as you go.\n", dir)
	return nil
}

// writeNextSteps tells the user what to fill in first while the data
// still holds the example rows of a new site.
func writeNextSteps(w io.Writer, ds *model.Dataset) {
	steps := scaffold.NextSteps(ds)
	if len(steps) == 0 {
		return
	}
	fmt.Fprintln(w)
	for _, s := range steps {
		fmt.Fprintln(w, s)
	}
}
