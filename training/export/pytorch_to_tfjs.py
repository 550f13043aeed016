#!/usr/bin/env python3
"""Write a TensorFlow.js Layers model (model.json + one weight shard) from a PyTorch CNN.

Pathway Lens opens TF.js *Layers* models (docs/own-model.md). Keras models convert with
tensorflowjs_converter; a PyTorch model has no such converter, so this script writes the Layers
format directly from an ``nn.Sequential`` of the layers the pathway engine traces:

    Conv2d, ReLU, MaxPool2d, AvgPool2d, BatchNorm2d, Dropout, Flatten, Linear, Softmax (last).

Usage with PyTorch (torch is only needed for ``layers_from_torch``):

    import torch, pytorch_to_tfjs as p2t
    net = torch.nn.Sequential(...)            # trained, in eval() mode
    p2t.write_layers_model(p2t.layers_from_torch(net), input_hwc=(28, 28, 1),
                           out_dir="my-model", class_names=["zero", "one", ...])

Two layout differences between the frameworks are handled here, and they are the whole recipe:

1. Tensors. PyTorch is NCHW, TF.js is NHWC. A Conv2d weight [out, in, kh, kw] becomes a Keras
   kernel [kh, kw, in, out] (``w.transpose(2, 3, 1, 0)``); a Linear weight [out, in] becomes a
   Dense kernel [in, out] (``w.T``).
2. Flatten order. PyTorch flattens (C, H, W); Keras flattens (H, W, C). The first Linear after a
   Flatten therefore has its input rows permuted: row c·H·W + h·W + w of PyTorch is row
   (h·W + w)·C + c of Keras (``w.reshape(out, C, H, W).transpose(2, 3, 1, 0).reshape(-1, out)``).

Padding: a Conv2d with stride 1 and padding (k − 1)/2 is Keras 'same'; padding 0 is 'valid';
any other padding is written as a ZeroPadding2D before a 'valid' conv (TF's 'same' puts the odd
pixel bottom/right, PyTorch pads symmetrically, so 'same' is only used where they agree).
Pooling windows must not use padding or ceil_mode (Keras 'valid' pooling).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np


@dataclass
class Layer:
    """One layer in PyTorch terms, with its parameters as float32 numpy arrays."""

    kind: str  # conv | relu | maxpool | avgpool | batchnorm | dropout | flatten | linear | softmax
    params: dict[str, Any] = field(default_factory=dict)


def _pair(value: Any) -> tuple[int, int]:
    if isinstance(value, (tuple, list)):
        return int(value[0]), int(value[1])
    return int(value), int(value)


def layers_from_torch(model: Any) -> list[Layer]:
    """Reads an nn.Sequential (eval mode) into Layers. Refuses modules it cannot express."""
    import torch.nn as nn  # only here: the writer itself needs numpy alone

    out: list[Layer] = []
    for module in model:
        if isinstance(module, nn.Conv2d):
            if module.groups != 1 or _pair(module.dilation) != (1, 1):
                raise ValueError(f"{module}: grouped or dilated convolutions are not supported")
            if module.padding_mode != "zeros" or isinstance(module.padding, str):
                raise ValueError(f"{module}: give the padding as numbers with zero padding")
            out.append(Layer("conv", {
                "weight": module.weight.detach().cpu().numpy(),
                "bias": None if module.bias is None else module.bias.detach().cpu().numpy(),
                "stride": _pair(module.stride),
                "padding": _pair(module.padding),
            }))
        elif isinstance(module, nn.ReLU):
            out.append(Layer("relu"))
        elif isinstance(module, (nn.MaxPool2d, nn.AvgPool2d)):
            if _pair(module.padding) != (0, 0) or module.ceil_mode:
                raise ValueError(f"{module}: pooling with padding or ceil_mode is not supported")
            if isinstance(module, nn.MaxPool2d) and _pair(module.dilation) != (1, 1):
                raise ValueError(f"{module}: dilated pooling is not supported")
            kind = "maxpool" if isinstance(module, nn.MaxPool2d) else "avgpool"
            size = _pair(module.kernel_size)
            out.append(Layer(kind, {"size": size, "stride": _pair(module.stride or size)}))
        elif isinstance(module, nn.BatchNorm2d) or isinstance(module, nn.BatchNorm1d):
            out.append(Layer("batchnorm", {
                "gamma": module.weight.detach().cpu().numpy(),
                "beta": module.bias.detach().cpu().numpy(),
                "mean": module.running_mean.detach().cpu().numpy(),
                "var": module.running_var.detach().cpu().numpy(),
                "eps": float(module.eps),
            }))
        elif isinstance(module, nn.Dropout):
            out.append(Layer("dropout"))
        elif isinstance(module, nn.Flatten):
            out.append(Layer("flatten"))
        elif isinstance(module, nn.Linear):
            out.append(Layer("linear", {
                "weight": module.weight.detach().cpu().numpy(),
                "bias": None if module.bias is None else module.bias.detach().cpu().numpy(),
            }))
        elif isinstance(module, nn.Softmax):
            out.append(Layer("softmax"))
        else:
            raise ValueError(f"{type(module).__name__} is not supported (docs/own-model.md)")
    return out


class _Writer:
    """Builds the Keras topology and the weight manifest, tracking the NHWC shape."""

    def __init__(self, input_hwc: Sequence[int]):
        self.shape = tuple(int(d) for d in input_hwc)  # (H, W, C), or (N,) once flat
        self.layers: list[dict[str, Any]] = []
        self.weights: list[tuple[str, np.ndarray]] = []
        self.spatial_before_flatten: tuple[int, int, int] | None = None
        self.counts: dict[str, int] = {}

    def name(self, base: str) -> str:
        self.counts[base] = self.counts.get(base, 0) + 1
        return f"{base}{self.counts[base]}"

    def add(self, class_name: str, config: dict[str, Any]) -> dict[str, Any]:
        if not self.layers:
            config["batch_input_shape"] = [None, *self.shape]
        config.setdefault("dtype", "float32")
        config.setdefault("trainable", False)
        self.layers.append({"class_name": class_name, "config": config})
        return config

    def weight(self, layer: str, short: str, value: np.ndarray) -> None:
        self.weights.append((f"{layer}/{short}", np.ascontiguousarray(value, dtype=np.float32)))

    def conv(self, p: dict[str, Any]) -> None:
        w = np.asarray(p["weight"], dtype=np.float32)  # [out, in, kh, kw]
        out_ch, in_ch, kh, kw = w.shape
        h, wd, c = self.shape
        if c != in_ch:
            raise ValueError(f"conv expects {in_ch} input channels, the image has {c}")
        sh, sw = p["stride"]
        ph, pw = p["padding"]
        same = (sh, sw) == (1, 1) and kh % 2 == 1 and kw % 2 == 1 and (ph, pw) == ((kh - 1) // 2, (kw - 1) // 2)
        if not same and (ph, pw) != (0, 0):
            self.add("ZeroPadding2D", {"name": self.name("pad"), "padding": [[ph, ph], [pw, pw]],
                                       "data_format": "channels_last"})
            h, wd = h + 2 * ph, wd + 2 * pw
        name = self.name("conv")
        bias = p.get("bias")
        self.add("Conv2D", {
            "name": name, "filters": int(out_ch), "kernel_size": [int(kh), int(kw)],
            "strides": [int(sh), int(sw)], "padding": "same" if same else "valid",
            "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "linear",
            "use_bias": bias is not None,
        })
        self.weight(name, "kernel", w.transpose(2, 3, 1, 0))  # → [kh, kw, in, out]
        if bias is not None:
            self.weight(name, "bias", bias)
        if same:
            self.shape = (h, wd, int(out_ch))
        else:
            self.shape = ((h - kh) // sh + 1, (wd - kw) // sw + 1, int(out_ch))

    def pool(self, kind: str, p: dict[str, Any]) -> None:
        (kh, kw), (sh, sw) = p["size"], p["stride"]
        cls = "MaxPooling2D" if kind == "maxpool" else "AveragePooling2D"
        self.add(cls, {"name": self.name("pool"), "pool_size": [kh, kw], "strides": [sh, sw],
                       "padding": "valid", "data_format": "channels_last"})
        h, w, c = self.shape
        self.shape = ((h - kh) // sh + 1, (w - kw) // sw + 1, c)

    def batchnorm(self, p: dict[str, Any]) -> None:
        name = self.name("bn")
        self.add("BatchNormalization", {"name": name, "axis": -1, "epsilon": p["eps"],
                                        "center": True, "scale": True})
        for short, key in (("gamma", "gamma"), ("beta", "beta"),
                           ("moving_mean", "mean"), ("moving_variance", "var")):
            self.weight(name, short, p[key])

    def flatten(self) -> None:
        if len(self.shape) == 3:
            self.spatial_before_flatten = self.shape  # (H, W, C) for the next Linear
            h, w, c = self.shape
            self.shape = (h * w * c,)
        self.add("Flatten", {"name": self.name("flatten"), "data_format": "channels_last"})

    def linear(self, p: dict[str, Any]) -> None:
        w = np.asarray(p["weight"], dtype=np.float32)  # [out, in]
        out_f, in_f = w.shape
        if len(self.shape) != 1 or self.shape[0] != in_f:
            raise ValueError(f"Linear expects {in_f} inputs, gets shape {self.shape}: add nn.Flatten()")
        if self.spatial_before_flatten is not None:
            h, wd, c = self.spatial_before_flatten
            # PyTorch's (C, H, W) flatten order → Keras' (H, W, C): permute the input rows.
            kernel = w.reshape(out_f, c, h, wd).transpose(2, 3, 1, 0).reshape(h * wd * c, out_f)
            self.spatial_before_flatten = None
        else:
            kernel = w.T
        name = self.name("dense")
        bias = p.get("bias")
        self.add("Dense", {"name": name, "units": int(out_f), "activation": "linear",
                           "use_bias": bias is not None})
        self.weight(name, "kernel", kernel)
        if bias is not None:
            self.weight(name, "bias", bias)
        self.shape = (int(out_f),)

    def activation(self, fn: str) -> None:
        self.add("Activation", {"name": self.name(fn), "activation": fn})


def write_layers_model(layers: Sequence[Layer], input_hwc: Sequence[int], out_dir: str,
                       class_names: Sequence[str] | None = None) -> str:
    """Writes out_dir/model.json and out_dir/group1-shard1of1.bin; returns the model.json path."""
    writer = _Writer(input_hwc)
    for layer in layers:
        if layer.kind == "conv":
            writer.conv(layer.params)
        elif layer.kind in ("maxpool", "avgpool"):
            writer.pool(layer.kind, layer.params)
        elif layer.kind == "batchnorm":
            writer.batchnorm(layer.params)
        elif layer.kind == "relu":
            writer.activation("relu")
        elif layer.kind == "softmax":
            writer.activation("softmax")
        elif layer.kind == "dropout":
            writer.add("Dropout", {"name": writer.name("dropout"), "rate": 0.0})
        elif layer.kind == "flatten":
            writer.flatten()
        elif layer.kind == "linear":
            writer.linear(layer.params)
        else:
            raise ValueError(f"unknown layer kind {layer.kind!r}")

    os.makedirs(out_dir, exist_ok=True)
    shard = "group1-shard1of1.bin"
    with open(os.path.join(out_dir, shard), "wb") as f:
        for _, value in writer.weights:
            f.write(value.astype("<f4").tobytes())
    model = {
        "format": "layers-model",
        "generatedBy": "pathway-lens training/export/pytorch_to_tfjs.py",
        "convertedBy": None,
        "modelTopology": {
            "class_name": "Sequential",
            "config": {"name": "from_pytorch", "layers": writer.layers},
            "keras_version": "2.15.0",
            "backend": "tensorflow",
        },
        "weightsManifest": [{
            "paths": [shard],
            "weights": [{"name": n, "shape": list(v.shape), "dtype": "float32"}
                        for n, v in writer.weights],
        }],
    }
    if class_names is not None:
        model["userDefinedMetadata"] = {"classNames": list(class_names)}
    path = os.path.join(out_dir, "model.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=1)
    return path
