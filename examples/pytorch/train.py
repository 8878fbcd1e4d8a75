"""A student's own model: a 4-8-3 network trained in PyTorch on ../iris.csv, saved as
model.safetensors for `nnexplain import`, and the gradients PyTorch computes at the saved weights
written to torch-gradients.json, to compare with nnexplain's. Needs torch and safetensors.
Run: python3 train.py"""
import csv, json, os
import torch
import torch.nn as nn
from safetensors.torch import save_file

here = os.path.dirname(os.path.abspath(__file__))
species = ["setosa", "versicolor", "virginica"]
rows = list(csv.DictReader(open(os.path.join(here, "..", "iris.csv"))))
x = torch.tensor([[float(r[c]) for c in ("sepal_length", "sepal_width", "petal_length", "petal_width")] for r in rows],
                 dtype=torch.float64)
y = torch.tensor([[1.0 if r["species"] == s else 0.0 for s in species] for r in rows], dtype=torch.float64)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3), nn.Softmax(dim=1)).double()


def loss_of(inputs, targets):
    # Cross-entropy of the softmax outputs, averaged over the samples: C = (1/N) sum_s -sum_j y_j ln a_j.
    return -(targets * torch.log(model(inputs))).sum() / len(inputs)


optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for epoch in range(100):
    optimizer.zero_grad()
    loss_of(x, y).backward()
    optimizer.step()

save_file(model.state_dict(), os.path.join(here, "model.safetensors"))

# The gradients at the saved weights: over every sample (their mean), and of sample 0 alone.
gradients = {}
for name, inputs, targets in (("mean", x, y), ("sample0", x[:1], y[:1])):
    model.zero_grad()
    loss = loss_of(inputs, targets)
    loss.backward()
    gradients[name] = {"loss": loss.item(),
                       "layers": [{"weights": layer.weight.grad.tolist(), "biases": layer.bias.grad.tolist()}
                                  for layer in (model[0], model[2])]}
json.dump(gradients, open(os.path.join(here, "torch-gradients.json"), "w"), indent=1)
print("loss after training:", gradients["mean"]["loss"])
print("PyTorch's dC/dw_02 of the output layer, sample 0:", gradients["sample0"]["layers"][1]["weights"][0][2])
