#!/usr/bin/env python3
"""Checks pytorch_to_tfjs.py without PyTorch: random weights in PyTorch's layouts, a reference
forward pass in PyTorch's own NCHW conventions (numpy), and the exported TF.js model.

Writes <out>/model.json, its shard, and <out>/check.json = {input_nhwc, logits}; the test
(pytorch-export.test.ts) loads the model in TF.js and compares its logits with these.
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pytorch_to_tfjs as p2t  # noqa: E402


def conv_nchw(x, w, b, stride, pad):
    """PyTorch's Conv2d on one image: x [C, H, W], w [O, C, kh, kw], symmetric zero padding."""
    c, h, wd = x.shape
    o, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (pad[0], pad[0]), (pad[1], pad[1])))
    oh = (h + 2 * pad[0] - kh) // stride[0] + 1
    ow = (wd + 2 * pad[1] - kw) // stride[1] + 1
    y = np.zeros((o, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = xp[:, i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw]
            y[:, i, j] = np.tensordot(w, patch, axes=([1, 2, 3], [0, 1, 2]))
    return y + (0 if b is None else b[:, None, None])


def pool_nchw(x, size, stride, op):
    c, h, w = x.shape
    oh, ow = (h - size[0]) // stride[0] + 1, (w - size[1]) // stride[1] + 1
    y = np.zeros((c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            win = x[:, i * stride[0]:i * stride[0] + size[0], j * stride[1]:j * stride[1] + size[1]]
            y[:, i, j] = op(win.reshape(c, -1), axis=1)
    return y


def main(out_dir):
    rng = np.random.default_rng(7)
    f32 = lambda *s: rng.normal(0, 0.4, s).astype(np.float32)  # noqa: E731
    c0, h0, w0 = 3, 12, 10  # a non-square RGB input catches H/W mix-ups
    layers = [
        p2t.Layer("conv", {"weight": f32(4, 3, 3, 3), "bias": f32(4), "stride": (1, 1), "padding": (1, 1)}),
        p2t.Layer("batchnorm", {"gamma": 1 + f32(4), "beta": f32(4), "mean": f32(4),
                                "var": np.abs(f32(4)) + 0.5, "eps": 1e-5}),
        p2t.Layer("relu"),
        p2t.Layer("maxpool", {"size": (2, 2), "stride": (2, 2)}),
        p2t.Layer("conv", {"weight": f32(6, 4, 3, 3), "bias": f32(6), "stride": (2, 2), "padding": (1, 1)}),
        p2t.Layer("relu"),
        p2t.Layer("flatten"),
        # A positive bias keeps the hidden units alive, so every logit depends on the flatten order.
        p2t.Layer("linear", {"weight": 0.1 * f32(5, 6 * 3 * 3), "bias": 1 + np.abs(f32(5))}),
        p2t.Layer("relu"),
        p2t.Layer("dropout"),
        p2t.Layer("linear", {"weight": f32(4, 5), "bias": None}),  # no bias: use_bias false
    ]
    x = rng.uniform(0, 1, (c0, h0, w0)).astype(np.float32)

    # Reference: PyTorch semantics, NCHW throughout, flatten in (C, H, W) order.
    y = x.astype(np.float64)
    for layer in layers:
        p = layer.params
        if layer.kind == "conv":
            y = conv_nchw(y, p["weight"], p["bias"], p["stride"], p["padding"])
        elif layer.kind == "batchnorm":
            scale = p["gamma"] / np.sqrt(p["var"] + p["eps"])
            y = (y - p["mean"][:, None, None]) * scale[:, None, None] + p["beta"][:, None, None]
        elif layer.kind == "relu":
            y = np.maximum(y, 0)
        elif layer.kind == "maxpool":
            y = pool_nchw(y, p["size"], p["stride"], np.max)
        elif layer.kind == "flatten":
            y = y.reshape(-1)
        elif layer.kind == "linear":
            y = p["weight"] @ y + (0 if p["bias"] is None else p["bias"])
    p2t.write_layers_model(layers, (h0, w0, c0), out_dir, class_names=["a", "b", "c", "d"])
    with open(os.path.join(out_dir, "check.json"), "w") as f:
        json.dump({"input_nhwc": x.transpose(1, 2, 0).reshape(-1).tolist(),
                   "shape": [h0, w0, c0], "logits": y.tolist()}, f)


if __name__ == "__main__":
    main(sys.argv[1])
