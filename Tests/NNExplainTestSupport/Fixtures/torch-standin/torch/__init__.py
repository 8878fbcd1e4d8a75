"""A numpy stand-in for the few parts of torch that `nnexplain export --format pytorch` uses, with a
small reverse-mode autograd, written for the tests from PyTorch's documented behaviour. It is NOT
PyTorch: it checks the script's plumbing (layers, shapes, retain_grad, the scales, the report) where
torch is absent; the real check is ExportCLITests.pytorchScriptAgrees where torch is installed."""
import contextlib
import numpy as np
float64 = np.float64
_grad_on = [True]

class Tensor:
    def __init__(self, v, parents=(), back=None, requires_grad=False):
        self.v = np.array(v, dtype=np.float64); self.parents = parents; self.back = back
        self.requires_grad = requires_grad or any(p.requires_grad for p in parents); self.grad = None; self._retain = False
    shape = property(lambda s: s.v.shape)
    T = property(lambda s: _op(s.v.T, (s,), lambda g: (g.T,)))
    def retain_grad(self): self._retain = True
    def detach(self): return Tensor(self.v)
    def numpy(self): return self.v
    def item(self): return float(self.v)
    def abs(self): return _op(np.abs(self.v), (self,), lambda g: (g * np.sign(self.v),))
    def sum(self, dim=None):
        return _op(self.v.sum(axis=dim), (self,), lambda g: (np.broadcast_to(np.expand_dims(g, dim) if dim is not None else g, self.v.shape),))
    def copy_(self, other): self.v[...] = other.v
    def __matmul__(a, b): return _op(a.v @ b.v, (a, b), lambda g: (g @ b.v.T, a.v.T @ g))
    def __add__(a, b):
        b = _t(b); return _op(a.v + b.v, (a, b), lambda g: (_unb(g, a.v.shape), _unb(g, b.v.shape)))
    __radd__ = __add__
    def __sub__(a, b):
        b = _t(b); return _op(a.v - b.v, (a, b), lambda g: (_unb(g, a.v.shape), -_unb(g, b.v.shape)))
    def __rsub__(a, b): return _t(b) - a
    def __mul__(a, b):
        b = _t(b); return _op(a.v * b.v, (a, b), lambda g: (_unb(g * b.v, a.v.shape), _unb(g * a.v, b.v.shape)))
    __rmul__ = __mul__
    def __truediv__(a, b):
        b = _t(b); return _op(a.v / b.v, (a, b), lambda g: (_unb(g / b.v, a.v.shape), _unb(-g * a.v / b.v ** 2, b.v.shape)))
    def __neg__(a): return a * -1.0
    def __pow__(a, p): return _op(a.v ** p, (a,), lambda g: (g * p * a.v ** (p - 1),))
    def backward(self):
        order, seen = [], set()
        def visit(t):
            if id(t) in seen: return
            seen.add(id(t)); [visit(p) for p in t.parents]; order.append(t)
        visit(self); grads = {id(self): np.ones_like(self.v)}
        for t in reversed(order):
            g = grads.get(id(t))
            if g is None: continue
            if t.is_leaf or t._retain: t.grad = Tensor(g if t.grad is None else t.grad.v + g)
            if t.back:
                for p, pg in zip(t.parents, t.back(g)):
                    if p.requires_grad: grads[id(p)] = grads.get(id(p), 0) + pg
    is_leaf = property(lambda s: s.back is None)

def _t(x): return x if isinstance(x, Tensor) else Tensor(x)
def _unb(g, shape):
    while g.ndim > len(shape): g = g.sum(axis=0)
    for i, n in enumerate(shape):
        if n == 1 and g.shape[i] != 1: g = g.sum(axis=i, keepdims=True)
    return g
def _op(v, parents, back):
    if not _grad_on[0]: return Tensor(v)
    return Tensor(v, parents, back)
def tensor(data, dtype=None): return Tensor(data)
def set_default_dtype(d): pass
@contextlib.contextmanager
def no_grad():
    _grad_on[0] = False
    try: yield
    finally: _grad_on[0] = True
def log(a): return _op(np.log(a.v), (a,), lambda g: (g / a.v,))
def xlogy(y, a):
    return _op(np.where(y.v == 0, 0.0, y.v * np.log(a.v)), (y, a), lambda g: (g * np.log(a.v), np.where(y.v == 0, 0.0, g * y.v / a.v)))
