"""Writes ../iris.csv: the training samples of ../iris.json as a CSV file with a header, four
measurement columns (scaled as in iris.json) and a column of species names, the form
`nnexplain import --data … --label-column species` reads. Run: python3 to_csv.py"""
import csv, json, os

here = os.path.dirname(os.path.abspath(__file__))
network = json.load(open(os.path.join(here, "..", "iris.json")))
species = ["setosa", "versicolor", "virginica"]
with open(os.path.join(here, "..", "iris.csv"), "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["sepal_length", "sepal_width", "petal_length", "petal_width", "species"])
    for sample in network["samples"]:
        writer.writerow([repr(x) for x in sample["x"]] + [species[sample["y"].index(1)]])
