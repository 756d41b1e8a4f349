"""The networks: DynGeoNet and its ablations, the VGG16 baseline, HOOF-LSTM (PyTorch).

* **DynGeoNet** (seed 000 §3.4): a VGG-16 convolutional trunk on the window's dynamic image and
  a two-layer MLP on its 67-dim geometric vector; the two feature vectors are concatenated and go
  through two fully connected layers to one logit, trained with binary cross-entropy.
* **DynNet** / **GeoNet**: the dynamic-image branch alone / the geometric branch alone.
* **VGG16** baseline (the CNN idea of Tran et al. / Zhang et al., seed 000 Table 2): VGG-16 on the
  window's apex-frame ROI image — no dynamic image, no geometry.
* **HOOF-LSTM** (seed 004 §III-C): two LSTM layers of 12 units over the HOOF sequence, softmax
  over two classes.
* **SOFTNet** (Liong, See & Wong, ICIP 2021): three shallow streams on u, v and ε → one linear
  score per frame, trained with mean squared error.

VGG-16 is defined here (torchvision is not needed) with torchvision's layer indices, so ImageNet
weights load from a local torchvision ``vgg16`` state-dict file when the manifest names one —
nothing is ever downloaded. ``width`` scales every channel count (1.0 = VGG-16; the quick profile
uses a narrow copy so the demo trains on a CPU).

They import torch, so they live apart from the profiles (:mod:`mespot_nb.models`), which every
stage reads and which load without it; ``from mespot_nb.models import SpotNet`` still works.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch import nn

from ..errors import MespotError
from . import ModelConfig

VGG16_CFG = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]


def _vgg_features(width: float, in_ch: int = 3, batch_norm: bool = False) -> nn.Sequential:
    """VGG-16's convolutional part, layer indices as torchvision's ``vgg16().features``
    (``vgg16_bn().features`` with ``batch_norm``)."""
    layers: list[nn.Module] = []
    c = in_ch
    for v in VGG16_CFG:
        if v == "M":
            layers.append(nn.MaxPool2d(2, 2))
        else:
            out = max(4, int(round(v * width)))
            layers.append(nn.Conv2d(c, out, 3, padding=1))
            if batch_norm:
                layers.append(nn.BatchNorm2d(out))
            layers.append(nn.ReLU(inplace=True))
            c = out
    return nn.Sequential(*layers)


class VGGBranch(nn.Module):
    """VGG-16 trunk + two fully connected layers: (B, 1, S, S) uint8-range image → (B, fc).

    The grayscale image is replicated to 3 channels and normalised, so ImageNet weights fit.
    """

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.features = _vgg_features(cfg.width, batch_norm=cfg.batch_norm)
        c = [m for m in self.features if isinstance(m, nn.Conv2d)][-1].out_channels
        self.avgpool = nn.AdaptiveAvgPool2d(cfg.pool)
        self.classifier = nn.Sequential(
            nn.Linear(c * cfg.pool * cfg.pool, cfg.fc), nn.ReLU(inplace=True), nn.Dropout(cfg.dropout),
            nn.Linear(cfg.fc, cfg.fc), nn.ReLU(inplace=True), nn.Dropout(cfg.dropout))
        self.out_dim = cfg.fc

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        x = img.float() / 255.0
        x = (x - 0.45) / 0.225
        if x.shape[1] == 1:
            x = x.expand(-1, 3, -1, -1)
        x = self.avgpool(self.features(x))
        return self.classifier(torch.flatten(x, 1))


class GeoBranch(nn.Module):
    """Two-layer MLP on the 67-dim geometric vector, standardised with training statistics."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.register_buffer("mean", torch.zeros(67))
        self.register_buffer("std", torch.ones(67))
        self.mlp = nn.Sequential(nn.Linear(67, cfg.geo_hidden), nn.ReLU(inplace=True),
                                 nn.Dropout(cfg.dropout), nn.Linear(cfg.geo_hidden, cfg.geo_hidden),
                                 nn.ReLU(inplace=True))
        self.out_dim = cfg.geo_hidden

    def forward(self, geo: torch.Tensor) -> torch.Tensor:
        return self.mlp((geo - self.mean) / self.std)


class SpotNet(nn.Module):
    """DynGeoNet and its family: branches → concatenation → two FC layers → one logit.

    Parameters
    ----------
    image : which window image the VGG branch sees — ``"dyn"`` (the composed dynamic image:
        DynGeoNet, DynNet), ``"apex"`` (the apex-frame composition: the VGG16 baseline) — or
        None (no image branch: GeoNet).
    geo : with the geometric MLP branch (DynGeoNet, GeoNet).

    ``forward(batch)`` takes a dict with ``dyn`` / ``apex`` (B, S, S) uint8 and ``geo`` (B, 67)
    float and returns (B,) logits.
    """

    def __init__(self, cfg: ModelConfig, image: str | None = "dyn", geo: bool = True):
        super().__init__()
        if image not in ("dyn", "apex", None) or (image is None and not geo):
            raise MespotError(f"SpotNet needs image 'dyn', 'apex' or None and/or geo; got "
                              f"image={image!r}, geo={geo}")
        self.image_key = image
        self.image = VGGBranch(cfg) if image else None
        self.geo = GeoBranch(cfg) if geo else None
        d = (self.image.out_dim if self.image else 0) + (self.geo.out_dim if self.geo else 0)
        self.head = nn.Sequential(nn.Linear(d, cfg.head), nn.ReLU(inplace=True),
                                  nn.Dropout(cfg.dropout), nn.Linear(cfg.head, 1))

    def fit_inputs(self, arrays: dict[str, np.ndarray]) -> None:
        """Standardise the geometric branch with the training windows' statistics (``geo``
        (N, 67): mean and standard deviation per value, floored at 1e-3); training calls it once
        before the first epoch."""
        if self.geo is not None and "geo" in arrays:
            g = np.asarray(arrays["geo"], np.float64)
            self.geo.mean.copy_(torch.from_numpy(g.mean(0).astype(np.float32)))
            self.geo.std.copy_(torch.from_numpy(np.maximum(g.std(0), 1e-3).astype(np.float32)))

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        parts = []
        if self.image is not None:
            parts.append(self.image(batch[self.image_key].unsqueeze(1)))
        if self.geo is not None:
            parts.append(self.geo(batch["geo"]))
        return self.head(torch.cat(parts, 1)).squeeze(1)


class HoofLSTM(nn.Module):
    """Seed 004: two LSTM layers (12 units) over a HOOF sequence (B, steps, 4·bins) → 2 logits
    (softmax over not-ME / ME); the last timestep's state is classified."""

    def __init__(self, cfg: ModelConfig, n_in: int = 32):
        super().__init__()
        self.standardise = bool(cfg.lstm_standardise)
        self.register_buffer("mean", torch.zeros(n_in))
        self.register_buffer("std", torch.ones(n_in))
        self.lstm = nn.LSTM(n_in, cfg.lstm_hidden, num_layers=cfg.lstm_layers, batch_first=True)
        self.out = nn.Linear(cfg.lstm_hidden, 2)

    def fit_inputs(self, arrays: dict[str, np.ndarray]) -> None:
        """With ``cfg.lstm_standardise``: standardise each HOOF bin with the training windows'
        statistics (``hoof`` (N, steps, n_in): mean and standard deviation over windows and
        steps, floored at 1e-3); otherwise the seed's raw histograms go in."""
        if self.standardise and "hoof" in arrays:
            h = np.asarray(arrays["hoof"], np.float64).reshape(-1, self.mean.shape[0])
            self.mean.copy_(torch.from_numpy(h.mean(0).astype(np.float32)))
            self.std.copy_(torch.from_numpy(np.maximum(h.std(0), 1e-3).astype(np.float32)))

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        h, _ = self.lstm((batch["hoof"] - self.mean) / self.std)
        return self.out(h[:, -1])


class SoftNet(nn.Module):
    """SOFTNet's shallow three-stream CNN (Liong et al. 2021; the authors' Keras code).

    Input ``sn_roi`` (B, 42, 42, 3) uint8 — channels u, v, ε min-max scaled to 0…255 — is read
    as [0, 1]. Streams u, v and ε: a 5 × 5 convolution ('same') with 3, 5 and 8 filters, ReLU,
    3 × 3 max-pooling with stride 3 (→ 14 × 14); concatenated (16 channels), 2 × 2 max-pooling
    (→ 7 × 7), flattened (784), dense 400 + ReLU, dense 1, linear. Weights start as Keras'
    defaults (Glorot-uniform, zero biases). Returns (B,) scores.
    """

    FILTERS = (3, 5, 8)

    def __init__(self, cfg: ModelConfig | None = None, shapes: dict | None = None):
        super().__init__()
        side = int((shapes or {}).get("sn_roi", (42, 42, 3))[0])
        self.streams = nn.ModuleList(nn.Sequential(nn.Conv2d(1, f, 5, padding=2), nn.ReLU(),
                                                   nn.MaxPool2d(3, 3)) for f in self.FILTERS)
        self.pool = nn.MaxPool2d(2, 2)
        n = sum(self.FILTERS) * ((side // 3) // 2) ** 2
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(n, 400), nn.ReLU(), nn.Linear(400, 1))
        for mod in self.modules():
            if isinstance(mod, (nn.Conv2d, nn.Linear)):
                nn.init.xavier_uniform_(mod.weight)
                nn.init.zeros_(mod.bias)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        x = batch["sn_roi"].float().div(255).permute(0, 3, 1, 2)
        z = torch.cat([s(x[:, c:c + 1]) for c, s in enumerate(self.streams)], 1)
        return self.head(self.pool(z)).squeeze(1)


def load_imagenet_vgg16(model: nn.Module, path: str | Path) -> int:
    """Copy torchvision-layout ``vgg16`` weights (``features.N.*``, ``classifier.0/3.*``) into the
    VGG branch where shapes match; returns how many tensors were loaded. Needs ``width=1``."""
    if getattr(model, "image", None) is None:
        return 0
    state = torch.load(path, map_location="cpu", weights_only=True)
    own = model.image.state_dict()
    n = 0
    for k, v in state.items():
        if k in own and own[k].shape == v.shape:
            own[k] = v
            n += 1
    if n == 0:
        raise MespotError(f"{path}: no tensor matches the VGG-16 branch (is it torchvision's "
                          "vgg16 state_dict, and the paper profile's width 1.0?)")
    model.image.load_state_dict(own)
    return n
