"""The profiles (:class:`ModelConfig`) and the tensor helpers of the networks, without torch.

The networks themselves — DynGeoNet and its ablations, the VGG16 baseline, HOOF-LSTM and SOFTNet
— are :mod:`mespot_nb.models.networks` (PyTorch). They are importable from here too
(``from mespot_nb.models import SpotNet``), loaded on first use: a stage that reads only a
profile (a notebook's set-up, ``mespot spot`` with a training-free spotter, the cross-database
set-up) does not pay torch's import, about 2 s a process on the development machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import MespotError

if TYPE_CHECKING:   # for type checkers and documentation: torch loads where a tensor is made
    import torch

    from .networks import (VGG16_CFG, GeoBranch, HoofLSTM, SoftNet, SpotNet, VGGBranch,
                           load_imagenet_vgg16)

#: The names :mod:`~mespot_nb.models.networks` defines, importable from this module too.
NETWORKS = ("VGG16_CFG", "VGGBranch", "GeoBranch", "SpotNet", "HoofLSTM", "SoftNet",
            "load_imagenet_vgg16")


def __getattr__(name: str) -> Any:
    if name in NETWORKS:
        from . import networks

        return getattr(networks, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *NETWORKS])


@dataclass
class ModelConfig:
    """Architecture and training hyper-parameters of a profile.

    image_size : side of the input image (the feature cache's ``di_size``).
    width : channel multiplier of VGG-16 (1.0 = the real network).
    pool : spatial size after the trunk's adaptive average pooling (7 = VGG's 7×7).
    fc : width of the VGG branch's two fully connected layers (4096 in VGG-16).
    geo_hidden : width of the geometric MLP's two layers.
    head : width of the fusion layer before the logit.
    lstm_hidden, lstm_layers : HOOF-LSTM (12 units, 2 layers in seed 004).
    lstm_standardise : standardise HOOF-LSTM's inputs per bin with training statistics (a
        departure from seed 004, which feeds the histograms as they are; README).
    epochs, lr, batch : optimisation (Adam); ``lstm_*`` the same for HOOF-LSTM (seed 004:
        Adam 1e-3, 50 epochs; the quick profile takes up to 120 epochs at 1e-3, patience 20 —
        the LSTM is cheap, and with standardised inputs it still improves after epoch 50).
    sgd_lr, momentum : the VGG16 baseline's SGD (seed 000 §4.1: lr 1e-4; momentum 0.9 where the
        paper is silent). The quick profile's narrow net from scratch takes a larger rate.
    softnet_epochs : SOFTNet's epochs (its code: 10, the paper profile; the quick profile takes
        4 so that its LOSO on the demo fits the report's budget on a CPU).
    neg_ratio : negatives sampled per positive in each epoch (class imbalance).
    patience : early stopping on training-subject validation AUC (epochs without improvement).
    dropout : before each fully connected layer.
    batch_norm : VGG-16 with batch normalisation (torchvision's ``vgg16_bn`` layout) — trains
        from scratch far better; the paper profile uses plain VGG-16 so ImageNet weights load.
    """

    image_size: int = 48
    width: float = 1 / 16
    pool: int = 1
    fc: int = 32
    geo_hidden: int = 32
    head: int = 32
    lstm_hidden: int = 12
    lstm_layers: int = 2
    epochs: int = 12
    lr: float = 2e-3
    lstm_lr: float = 1e-3
    lstm_epochs: int = 120
    lstm_patience: int = 20
    lstm_standardise: bool = True
    batch: int = 64
    sgd_lr: float = 2e-2
    momentum: float = 0.9
    softnet_epochs: int = 4
    neg_ratio: float = 4.0
    patience: int = 3
    dropout: float = 0.3
    batch_norm: bool = True

    @classmethod
    def profile(cls, name: str) -> "ModelConfig":
        """``paper``: seed 000's hyper-parameters (224² input, real VGG-16 with 4096-wide FC
        layers, lr 1e-4, 100 epochs — meant for a GPU) and seed 004's for HOOF-LSTM (Adam 1e-3,
        50 epochs). ``quick``: a narrow VGG (1/16 of VGG-16's width) on 48² images for up to 12
        epochs, HOOF-LSTM on standardised inputs — for CPU demo runs (README: the learning
        curve that chose it, ``benchmarks/bench_learning.py``)."""
        if name == "paper":
            return cls(image_size=224, width=1.0, pool=7, fc=4096, geo_hidden=256, head=512,
                       epochs=100, lr=1e-4, sgd_lr=1e-4, momentum=0.9, lstm_epochs=50,
                       lstm_lr=1e-3, lstm_patience=10, lstm_standardise=False, batch=32,
                       neg_ratio=4.0, patience=10, softnet_epochs=10,
                       dropout=0.5, batch_norm=False)
        if name == "quick":
            return cls()
        raise MespotError(f"profile {name!r}: use quick or paper")


def resolve_device(device: str = "auto") -> torch.device:
    """``auto`` → CUDA if available, else CPU."""
    import torch

    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


def count_parameters(model) -> int:
    """Trainable and frozen parameters of a torch module, counted."""
    return int(sum(p.numel() for p in model.parameters()))


def numpy_batch(arrays: dict[str, np.ndarray], idx: np.ndarray, device: torch.device
                ) -> dict[str, torch.Tensor]:
    """Tensors of rows ``idx`` of the named arrays (images stay uint8 until the network)."""
    import torch

    out = {}
    for k, a in arrays.items():
        t = torch.from_numpy(np.ascontiguousarray(a[idx]))
        out[k] = t.to(device)
    return out
