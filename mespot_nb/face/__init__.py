"""Face pipeline: detection, fast landmark tracking, alignment, ROIs, and the per-video cache.

Every feature of both seed methods starts from dlib's 68 landmarks on every frame. Running the
detector on every frame is what public spotting code does and what makes it slow; here the
68-point predictor is fitted on every frame starting from the box implied by the previous frame's
landmarks, and the detector (dlib's frontal HOG on a rescaled frame, or the CNN ``mmod`` model)
runs only every ``detect_every`` frames, after a lost frame, or when the fit degrades (a jump of
the landmarks, the box drifting away from the last detection, collapsed landmarks, a blank box).
Small faces are detected on an upsampled frame and fitted on an enlarged crop. A long video can
be tracked in chunks on several cores with the single pass's result (:func:`track_chunks`).

Landmark indices are dlib's 0-based ones (the papers' 1-based point P_k is index k − 1).

Modules, each importing only those before it: ``tracker`` (parameters, result, dlib's models,
detection, fitting, the single-pass :class:`LandmarkTracker`), ``track`` (:func:`track_video`,
in one pass or in chunks), ``align`` (alignment and ROIs), ``store`` (the cached per-video
stage and a dataset's extraction). Everything public is importable from ``mespot_nb.face``.
"""

from __future__ import annotations

from .tracker import (STATUS_LOST, STATUS_DETECTED, STATUS_TRACKED, STATUS_NAMES,
                      FACE_VERSION, RIGHT_EYE, LEFT_EYE, TrackParams, FaceTrack,
                      detect_faces, fit_landmarks, inter_ocular, MIN_FACE_CONTRAST,
                      BOX_PER_LM_WIDTH, NATIVE_MIN_FACE_PX, detect_scale, search_scales,
                      FIT_FACE_PX,
                      fit_upsample, LandmarkTracker, new_track_arrays, finish_track)
from .track import (track_video, CHUNK_MIN_FRAMES, CHUNK_DECODE_THREADS, n_chunks,
                    chunk_overlap, chunk_spans, track_chunks, detect_every_frame)
from .align import (AlignSpec, alignment_matrix, apply_matrix, warp_face, roi_boxes)
from .store import (TRACKS, track_cache_path, cached_track, track_for, dataset_jobs,
                    summarise_lost_faces, split_jobs, extract_tracks)

__all__ = ["STATUS_LOST", "STATUS_DETECTED", "STATUS_TRACKED", "STATUS_NAMES", "FACE_VERSION",
           "RIGHT_EYE", "LEFT_EYE", "TrackParams", "FaceTrack", "detect_faces", "fit_landmarks",
           "inter_ocular", "MIN_FACE_CONTRAST", "BOX_PER_LM_WIDTH", "NATIVE_MIN_FACE_PX",
           "detect_scale", "search_scales", "FIT_FACE_PX", "fit_upsample", "LandmarkTracker",
           "new_track_arrays",
           "finish_track", "track_video", "CHUNK_MIN_FRAMES", "CHUNK_DECODE_THREADS", "n_chunks",
           "chunk_overlap", "chunk_spans", "track_chunks", "detect_every_frame", "AlignSpec",
           "alignment_matrix", "apply_matrix", "warp_face", "roi_boxes", "TRACKS",
           "track_cache_path", "cached_track", "track_for", "dataset_jobs",
           "summarise_lost_faces", "split_jobs", "extract_tracks"]
