"""Every constant of the evaluation harness, in one place (protocol, metrics, engines, benchmarks)."""

from __future__ import annotations

from pathlib import Path

# --- protocol -------------------------------------------------------------------------------------------
#: File name extensions taken as fingerprint images in a dataset folder (``<finger>_<impression>.<ext>``).
IMAGE_EXTENSIONS = (".png", ".tif", ".tiff", ".bmp", ".jpg", ".jpeg", ".pgm", ".wsq", ".jp2")
#: The file a synthetic dataset carries next to its images.
MANIFEST_NAME = "manifest.json"
#: Resolution assumed when neither the image nor the manifest states one.
DEFAULT_DPI = 500
#: Largest manifest read (the generator writes about 300 bytes per image: 100,000 images fit many times over).
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
#: Largest pairs CSV read by ``zuil score-pairs`` (a line is about 40 bytes: several million pairs).
MAX_PAIRS_FILE_BYTES = 512 * 1024 * 1024

# --- metrics --------------------------------------------------------------------------------------------
#: The false-match rates at which FNMR is reported (besides FMR = 0).
FMR_TARGETS = (1e-2, 1e-3, 1e-4)
#: Score given to every comparison that involves an image from which no template could be made: below any
#: real score, so a genuine pair counts as a false non-match and an impostor pair as a correct rejection
#: (the FVC convention of counting failures to enrol against the system).
FAILURE_SCORE = float("-inf")

# --- execution ------------------------------------------------------------------------------------------
#: Worker processes for extraction and scoring (the development machine has two cores).
WORKERS = 2
#: Below this many items a process pool costs more than it saves.
MIN_ITEMS_FOR_POOL = 16
#: Pairs handed to a worker at once when scoring.
SCORE_CHUNK = 256

# --- plots ----------------------------------------------------------------------------------------------
HISTOGRAM_BINS = 50
PLOT_DPI = 120

# --- baseline engine (image correlation; a yardstick, not a matcher) ------------------------------------
#: Scale applied to a 500 dpi image before correlation (FVC's 388x374 becomes about 129x125).
BASELINE_SCALE = 1 / 3
#: Side of the square the scaled image is centred in, padded or cropped (pixels).
BASELINE_SIZE = 128
#: Band-pass of the phase correlation, as fractions of the Nyquist frequency: keeps ridge frequencies.
BASELINE_BAND = (0.08, 0.6)

# --- speed benchmark ------------------------------------------------------------------------------------
GALLERY_SIZES = (1_000, 10_000, 100_000)
QUICK_GALLERY_SIZES = (200, 1_000)
#: Finger positions of the two-finger probe and of every gallery subject (right index, left index).
PROBE_POSITIONS = (2, 7)
#: Timed repetitions of the extraction of each image (the median and p95 are over all of them).
EXTRACTION_ROUNDS = 3
QUICK_EXTRACTION_ROUNDS = 1
#: Seconds spent timing 1:1 comparisons.
COMPARISON_SECONDS = 3.0
QUICK_COMPARISON_SECONDS = 0.5
#: 1:N searches timed per gallery size (the median is reported).
SEARCHES = 5
QUICK_SEARCHES = 2
#: An engine without an index is searched by a loop of 1:1 comparisons; at most this many gallery fingers
#: are actually compared, and the latency for a larger gallery is extrapolated linearly (and said so).
LOOP_SEARCH_CAP = 5_000
QUICK_LOOP_SEARCH_CAP = 500
#: At most this many images are timed.
SPEED_IMAGES = 12
#: Synthetic fingers x impressions added to the timed images when the generator is installed.
SPEED_SYNTHETIC = (3, 3)
SPEED_SEED = 20261129
#: The public sample images timed when no image folder is given: this folder, looked for in every ancestor of
#: the source checkout (``../shared/data/...`` next to the project, or further up for a git worktree).
SAMPLE_IMAGE_SUBDIR = Path("shared") / "data" / "sourceafis-samples"
SAMPLE_IMAGE_NAMES = ("probe.png", "matching.png", "nonmatching.png")

# --- identification benchmark (``zuil bench identification``) -------------------------------------------
#: Background galleries in synthetic persons (two fingers each); 100,000 only when asked for.
IDENTIFICATION_GALLERY_SIZES = (1_000, 10_000)
#: FVC2002 B sets paired into two-finger persons: finger k of the first set and finger k of the second.
FVC_SET_PAIRS = (("DB1_B", "DB3_B"), ("DB2_B", "DB4_B"))
#: Resolution of each FVC2002 set (the TIFF files of DB2 say 500; the sensor is 569 dpi).
FVC_SET_DPI = {"DB1_B": 500, "DB2_B": 569, "DB3_B": 500, "DB4_B": 500}
#: Most impressions per finger ``--enrolled-impressions`` enrols (FVC has 8: at least 3 are left to search with).
MAX_ENROLLED_IMPRESSIONS = 5
#: Synthetic non-mated searches (persons never enrolled), added to the real leave-one-out ones.
NONMATED_SYNTHETIC = 1_000
#: Synthetic mated persons, and searches of each, when no FVC folder is given.
SYNTHETIC_MATED_PERSONS = 20
SYNTHETIC_SEARCHES_PER_PERSON = 7
#: Population seeds: background persons, synthetic non-mated probes, synthetic mated persons (all distinct).
BACKGROUND_SEED = 20261201
NONMATED_SEED = 20261202
MATED_SEED = 20261203
#: Mated searches whose mate is not among this many best candidates are counted in the last rank bucket.
RANK_BUCKETS = (1, 2, 5, 50)

# --- gallery loading benchmark (``zuil bench gallery``) ---------------------------------------------------
#: Persons (two prints each) in the encrypted record stores whose loading is timed.
GALLERY_LOAD_SIZES = (10_000, 100_000)
GALLERY_LOAD_SEED = 20261204
#: Fingers synthesised per worker task when a bench store is made.
GALLERY_LOAD_CHUNK = 4_000
