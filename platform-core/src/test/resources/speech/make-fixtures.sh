#!/bin/sh
# Makes the speech test fixtures: one spoken sentence in each WAV format the platform must understand, plus an Ogg
# file it must refuse. Needs espeak-ng and sox (Debian: apt-get install -y espeak-ng sox). Run from this folder.
# Every rate, encoding and channel count appears at least once while each file stays well under 200 KB.
set -eu
SENTENCE="please call me back about my order"
printf '%s\n' "$SENTENCE" > sentence.txt

# espeak-ng speaks at 22.05 kHz mono 16-bit; sox makes every other format from that one recording.
espeak-ng -v en-us -s 150 -w source.wav "$SENTENCE"

sox source.wav -r 8000  -c 1 -e signed-integer -b 16 pcm16-8000-mono.wav
sox source.wav -r 11025 -c 2 -e signed-integer -b 16 pcm16-11025-stereo.wav
sox source.wav -r 16000 -c 1 -e signed-integer -b 16 pcm16-16000-mono.wav
sox source.wav -r 22050 -c 1 -e signed-integer -b 16 pcm16-22050-mono.wav
sox source.wav -r 8000  -c 1 -e u-law -b 8 ulaw-8000-mono.wav
sox source.wav -r 44100 -c 1 -e u-law -b 8 ulaw-44100-mono.wav
sox source.wav -r 8000  -c 2 -e a-law -b 8 alaw-8000-stereo.wav
sox source.wav -r 22050 -c 2 -e a-law -b 8 alaw-22050-stereo.wav
sox source.wav -r 48000 -c 1 -e a-law -b 8 alaw-48000-mono.wav

# A compressed container: the WAV-only normalizer (no decoder) must refuse it with a reason; the server decodes it.
sox source.wav -r 16000 -c 1 -C 0 refused-vorbis.ogg
rm source.wav

# The benchmark's "raw Vosk" input: the 8 kHz telephone recording converted ahead of time by sox.
sox ulaw-8000-mono.wav -r 16000 -c 1 -e signed-integer -b 16 benchmark-ulaw-8000-as-16000.wav
