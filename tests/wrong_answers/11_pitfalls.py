"""Plausible wrong answers for the exercises of 11_pitfalls.ipynb."""

WRONG_ANSWERS = {
    "ex11-clip-global-norm": [
        (
            "clips each array by its own norm (per-leaf clipping)",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    return [g * min(1.0, max_norm / (np.linalg.norm(g) + 1e-6)) for g in grads]\n",
            "you clip each array by its own norm",
        ),
        (
            "rescales to max_norm even when the norm is already below it",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    total = np.sqrt(sum(np.sum(g**2) for g in grads))\n"
            "    return [g * max_norm / total for g in grads]\n",
            "you rescale even when the global norm is already below max_norm",
        ),
        (
            "clips each entry (clip_grad_value_) instead of the norm",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    return [np.clip(g, -max_norm, max_norm) for g in grads]\n",
            "clip_grad_value_, not by norm",
        ),
        (
            "adds up the arrays' norms instead of taking the root of the sum of squares",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    total = sum(np.linalg.norm(g) for g in grads)\n"
            "    return [g * min(1.0, max_norm / total) for g in grads]\n",
            "you add up the arrays' norms",
        ),
        (
            "scales the arrays in place",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    total = np.sqrt(sum(np.sum(g**2) for g in grads))\n"
            "    for g in grads:\n"
            "        g *= min(1.0, max_norm / (total + 1e-6))\n"
            "    return grads\n",
            "changed its input arrays in place",
        ),
        (
            "divides by the norm with no guard: a zero gradient becomes nan",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    total = np.sqrt(sum(np.sum(g**2) for g in grads))\n"
            "    with np.errstate(invalid='ignore', divide='ignore'):\n"
            "        return [g / total * min(total, max_norm) for g in grads]\n",
            "NaN or inf",
        ),
        (
            "forgets the square root of the sum of squares",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    total = sum(np.sum(g**2) for g in grads)\n"
            "    return [g * min(1.0, max_norm / (total + 1e-6)) for g in grads]\n",
            "the square root is missing",
        ),
        (
            "the mean of the squares (an RMS) instead of their sum",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    flat = np.concatenate([np.ravel(g) for g in grads])\n"
            "    total = np.sqrt(np.mean(flat**2))\n"
            "    return [g * min(1.0, max_norm / (total + 1e-6)) for g in grads]\n",
            "the mean of the squares",
        ),
        (
            "the norm of the first array only",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    total = np.linalg.norm(grads[0])\n"
            "    return [g * min(1.0, max_norm / (total + 1e-6)) for g in grads]\n",
            "the first array only",
        ),
        (
            "max instead of min: scales small gradients up",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    total = np.sqrt(sum(np.sum(g**2) for g in grads))\n"
            "    return [g * max(1.0, max_norm / (total + 1e-6)) for g in grads]\n",
            "max instead of min",
        ),
        (
            "returns (clipped list, norm), as torch's clip_grad_norm_ returns the norm",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    total = np.sqrt(sum(np.sum(g**2) for g in grads))\n"
            "    return [g * min(1.0, max_norm / (total + 1e-6)) for g in grads], total\n",
            "returned a pair",
        ),
        (
            "returns one flat array instead of one array per layer",
            "def clip_by_global_norm(grads, max_norm):\n"
            "    flat = np.concatenate([np.ravel(g) for g in grads])\n"
            "    return flat * min(1.0, max_norm / (np.linalg.norm(flat) + 1e-6))\n",
            "one array per array",
        ),
    ],
    "ex11-layers-until-below": [
        (
            "rounds down instead of up",
            "def layers_until_below(top_norm, threshold):\n"
            "    return int(np.floor(np.log(top_norm / threshold) / np.log(4)))\n",
            "you round down",
        ),
        (
            "a factor 1/2 per layer",
            "def layers_until_below(top_norm, threshold):\n"
            "    return max(0, int(np.ceil(np.log2(top_norm / threshold))))\n",
            "a factor 1/2 per layer",
        ),
        (
            "natural log of the ratio, not divided by ln 4",
            "def layers_until_below(top_norm, threshold):\n"
            "    return max(0, int(np.ceil(np.log(top_norm / threshold))))\n",
            "natural log",
        ),
        (
            "a negative count when the signal is already below the threshold",
            "import math\n\n\n"
            "def layers_until_below(top_norm, threshold):\n"
            "    return math.ceil(math.log(top_norm / threshold, 4))\n",
            "negative count",
        ),
        (
            "counts one layer too many (returns k + 1)",
            "def layers_until_below(top_norm, threshold):\n"
            "    k = 0\n"
            "    while top_norm * 0.25**k >= threshold:\n"
            "        k += 1\n"
            "    return k + 1\n",
            "you count one layer too many",
        ),
        (
            "log10 of the ratio, not divided by log10(4)",
            "def layers_until_below(top_norm, threshold):\n"
            "    return max(0, int(np.ceil(np.log10(top_norm / threshold))))\n",
            "you take log10 of the ratio",
        ),
        (
            "the ratio upside down",
            "def layers_until_below(top_norm, threshold):\n"
            "    return max(0, int(np.ceil(np.log(threshold / top_norm) / np.log(4))))\n",
            "upside down",
        ),
        (
            "starts counting at k = 1",
            "def layers_until_below(top_norm, threshold):\n"
            "    k = 1\n"
            "    while top_norm * 0.25**k >= threshold:\n"
            "        k += 1\n"
            "    return k\n",
            "you start counting at 1",
        ),
    ],
    "ex11-smallest-patience": [
        (
            "one too small (forgets the +1)",
            "def smallest_patience(val_losses):\n"
            "    best, longest = 0, 0\n"
            "    for e in range(1, int(np.argmin(val_losses)) + 1):\n"
            "        if val_losses[e] < val_losses[best]:\n"
            "            best = e\n"
            "        longest = max(longest, e - best)\n"
            "    return longest\n",
            "you are one too small",
        ),
        (
            "returns the epoch of the minimum",
            "def smallest_patience(val_losses):\n    return int(np.argmin(val_losses))\n",
            "the epoch of the minimum",
        ),
        (
            "longest wait over the whole curve, also after the minimum",
            "def smallest_patience(val_losses):\n"
            "    best, longest = 0, 0\n"
            "    for e in range(1, len(val_losses)):\n"
            "        if val_losses[e] < val_losses[best]:\n"
            "            best = e\n"
            "        longest = max(longest, e - best)\n"
            "    return longest + 1\n",
            "the longest wait over the whole curve",
        ),
        (
            "a tie counts as an improvement",
            "def smallest_patience(val_losses):\n"
            "    best, longest = 0, 0\n"
            "    for e in range(1, int(np.argmin(val_losses)) + 1):\n"
            "        if val_losses[e] <= val_losses[best]:\n"
            "            best = e\n"
            "        longest = max(longest, e - best)\n"
            "    return longest + 1\n",
            "you count a tie as an improvement",
        ),
        (
            "counts consecutive rises instead of epochs since the best",
            "def smallest_patience(val_losses):\n"
            "    run, longest = 0, 0\n"
            "    for e in range(1, int(np.argmin(val_losses)) + 1):\n"
            "        run = run + 1 if val_losses[e] > val_losses[e - 1] else 0\n"
            "        longest = max(longest, run)\n"
            "    return longest + 1\n",
            "you count consecutive rises",
        ),
        (
            "the largest gap between improvements, but 0 when the start is the lowest value",
            "def smallest_patience(val_losses):\n"
            "    v = np.asarray(val_losses)\n"
            "    lowest = int(np.argmin(v))\n"
            "    better = [0] + [e for e in range(1, lowest + 1) if v[e] < v[:e].min()]\n"
            "    return int(max(np.diff(better), default=0))\n",
            "test input #4 of 4",
        ),
        (
            "the epochs left after the minimum",
            "def smallest_patience(val_losses):\n"
            "    return len(val_losses) - 1 - int(np.argmin(val_losses))\n",
            "expected: 3",
        ),
        (
            "always patience 1",
            "def smallest_patience(val_losses):\n    return 1\n",
            "expected: 3",
        ),
    ],
}
